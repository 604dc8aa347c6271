using IotActors.Node.Cli;
using IotActors.Node.Tools;

namespace IotActors.Node.Tests.Tools;

public sealed class SecretAndTokenCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("iotactors-tools-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Secret_new_with_out_writes_32_bytes_base64_to_an_owner_only_file_and_does_not_echo_it()
    {
        string path = Path.Combine(_dir, "cluster.secret");
        var (code, output, _) = await CliRunner.Run("secret", "new", "--out", path);
        code.Should().Be(0);
        string written = File.ReadAllText(path).Trim();
        Convert.FromBase64String(written).Should().HaveCount(32);
        output.Should().NotContain(written);
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(path).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    [Fact]
    public async Task Secret_new_refuses_to_overwrite_an_existing_file()
    {
        string path = Path.Combine(_dir, "cluster.secret");
        File.WriteAllText(path, "keep me");
        var (code, _, error) = await CliRunner.Run("secret", "new", "--out", path);
        code.Should().Be(NodeCli.UsageError);
        error.Should().Contain("already exists");
        File.ReadAllText(path).Should().Be("keep me");
    }

    [Fact]
    public async Task Secret_new_without_out_prints_a_fresh_32_byte_secret()
    {
        var (_, first, _) = await CliRunner.Run("secret", "new");
        var (_, second, _) = await CliRunner.Run("secret", "new");
        Convert.FromBase64String(first.Trim()).Should().HaveCount(32);
        first.Should().NotBe(second);
    }

    [Fact]
    public async Task Token_new_prints_a_token_that_verifies_while_only_a_salted_hash_is_stored()
    {
        var (code, output, _) = await CliRunner.Run("token", "new", "--role", "operator", "--name", "ops", "--data-dir", _dir);
        code.Should().Be(0);
        string token = output.Split('\n')[0].Trim();
        token.Should().StartWith("iot_");

        var store = new ApiTokenStore(_dir);
        ApiTokenEntry entry = store.Verify(token)!;
        entry.Should().NotBeNull();
        entry.Role.Should().Be(ApiRole.Operator);
        entry.Name.Should().Be("ops");
        store.Allows(token, ApiRole.Viewer).Should().BeTrue();
        store.Allows(token, ApiRole.Admin).Should().BeFalse();

        File.ReadAllText(store.FilePath).Should().NotContain(token.Split('_')[2], "the secret part is never stored");
        if (!OperatingSystem.IsWindows()) File.GetUnixFileMode(store.FilePath).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    [Fact]
    public async Task Wrong_or_malformed_tokens_do_not_verify()
    {
        var (_, output, _) = await CliRunner.Run("token", "new", "--role", "admin", "--data-dir", _dir);
        string token = output.Split('\n')[0].Trim();
        var store = new ApiTokenStore(_dir);
        char last = token[^1] == 'a' ? 'b' : 'a';
        store.Verify(token[..^1] + last).Should().BeNull();
        store.Verify("iot_00000000_" + new string('0', 64)).Should().BeNull();
        store.Verify("garbage").Should().BeNull();
        store.Verify(token).Should().NotBeNull();
    }

    [Fact]
    public async Task Token_new_rejects_an_unknown_role()
    {
        var (code, _, error) = await CliRunner.Run("token", "new", "--role", "root", "--data-dir", _dir);
        code.Should().Be(NodeCli.UsageError);
        error.Should().Contain("root");
    }
}
