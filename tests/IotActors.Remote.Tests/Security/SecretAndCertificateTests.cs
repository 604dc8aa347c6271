using System.Security.Cryptography.X509Certificates;
using IotActors.Remote.Security;
using IotActors.Remote.Tests.Support;
using IotActors.Remote.Transport;

namespace IotActors.Remote.Tests.Security;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SecretAndCertificateTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("iotactors-remote-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Certificate_is_generated_with_owner_only_permissions_and_reloaded_unchanged()
    {
        using var first = NodeCertificate.LoadOrCreate(_dir, "node-a");
        var path = Path.Combine(_dir, NodeCertificate.FileName);

        File.GetUnixFileMode(path).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        first.HasPrivateKey.Should().BeTrue();
        first.GetECDsaPublicKey()!.KeySize.Should().Be(256);
        using var second = NodeCertificate.LoadOrCreate(_dir, "node-a");
        second.Thumbprint.Should().Be(first.Thumbprint);
        second.HasPrivateKey.Should().BeTrue();
    }

    [Fact]
    public void Secret_round_trips_through_owner_only_file_and_accepts_hex()
    {
        var secret = ClusterSecret.Generate();
        var path = Path.Combine(_dir, "secret");
        secret.WriteToFile(path);

        File.GetUnixFileMode(path).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        ClusterSecret.FromFile(path).ToBase64().Should().Be(secret.ToBase64());
        var hex = Convert.ToHexString(Convert.FromBase64String(secret.ToBase64()));
        ClusterSecret.Parse(hex, "test").ToBase64().Should().Be(secret.ToBase64());
    }

    [Fact]
    public void Secret_file_readable_by_others_logs_a_warning_without_the_value()
    {
        var secret = ClusterSecret.Generate();
        var path = Path.Combine(_dir, "open-secret");
        File.WriteAllText(path, secret.ToBase64());
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        var log = new ListLogger();

        ClusterSecret.FromFile(path, log);

        log.Contains("chmod 600").Should().BeTrue();
        log.Lines.Should().NotContain(l => l.Contains(secret.ToBase64()));
    }

    [Fact]
    public void Secret_never_appears_in_ToString_or_error_messages()
    {
        var secret = ClusterSecret.Generate();
        secret.ToString().Should().NotContain(secret.ToBase64());
        $"{secret}".Should().Be("ClusterSecret(redacted)");
        var almost = secret.ToBase64()[..20];
        var act = () => ClusterSecret.Parse(almost, "test input");
        act.Should().Throw<InvalidClusterSecretException>().Which.Message.Should().NotContain(almost).And.Contain("test input");
    }

    [Fact]
    public async Task Secret_never_appears_in_transport_logs_even_on_failed_handshakes()
    {
        var other = ClusterSecret.Generate();
        await using var a = await TestNodes.StartAsync(TestNodes.Settings("a"));
        await using var b = await TestNodes.StartAsync(TestNodes.Settings("b"), other);
        a.Transport.Send(b.Address, "/user/x", new Ping(1, "a"));
        await b.Log.WaitForAsync("WrongSecret");
        foreach (var line in a.Log.Lines.Concat(b.Log.Lines))
        {
            line.Should().NotContain(TestNodes.Secret.ToBase64()).And.NotContain(other.ToBase64());
        }
    }

    [Fact]
    public void Backoff_grows_exponentially_with_bounded_jitter()
    {
        var random = new Random(1);
        var min = TimeSpan.FromMilliseconds(100);
        var max = TimeSpan.FromSeconds(10);
        for (int attempt = 1; attempt <= 12; attempt++)
        {
            double full = Math.Min(max.TotalMilliseconds, 100 * Math.Pow(2, attempt - 1));
            var delay = Backoff.Next(attempt, min, max, random).TotalMilliseconds;
            delay.Should().BeInRange(full / 2, full);
        }
    }
}
