using System.Security.Cryptography;
using Microsoft.Extensions.Logging;

namespace IotActors.Remote.Security;

/// <summary>The site's 32-byte shared secret; its value never appears in ToString, logs or exception messages.</summary>
public sealed class ClusterSecret
{
    /// <summary>The required secret length in bytes.</summary>
    public const int Length = 32;

    private readonly byte[] _key;

    private ClusterSecret(byte[] key) => _key = key;

    internal ReadOnlySpan<byte> Key => _key;

    /// <summary>Creates a new random secret (for <c>iotactors secret new</c>).</summary>
    public static ClusterSecret Generate() => new(RandomNumberGenerator.GetBytes(Length));

    /// <summary>Parses 32 bytes written as base64 or hex; throws <see cref="InvalidClusterSecretException"/> otherwise.</summary>
    public static ClusterSecret Parse(string text, string source)
    {
        var trimmed = text.Trim();
        byte[]? bytes = null;
        if (trimmed.Length == Length * 2 && trimmed.All(char.IsAsciiHexDigit))
            bytes = Convert.FromHexString(trimmed);
        else
        {
            var buffer = new byte[trimmed.Length];
            if (Convert.TryFromBase64String(trimmed, buffer, out int written)) bytes = buffer[..written];
        }
        if (bytes is null || bytes.Length != Length)
            throw new InvalidClusterSecretException(
                $"The cluster secret from {source} must be {Length} bytes written as base64 or hex; create one with 'iotactors secret new'.");
        return new ClusterSecret(bytes);
    }

    /// <summary>Reads the secret from a file, warning when group or others may read it.</summary>
    public static ClusterSecret FromFile(string path, ILogger? logger = null)
    {
        if (!File.Exists(path))
            throw new InvalidClusterSecretException($"The cluster secret file '{path}' does not exist; create one with 'iotactors secret new'.");
        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(path);
            const UnixFileMode open = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
                | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;
            if ((mode & open) != 0 && logger is not null) RemoteLog.SecretFilePermissive(logger, path, mode);
        }
        return Parse(File.ReadAllText(path), $"file '{path}'");
    }

    /// <summary>Reads the secret from an environment variable.</summary>
    public static ClusterSecret FromEnvironment(string variable)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(value))
            throw new InvalidClusterSecretException($"The environment variable '{variable}' holding the cluster secret is not set.");
        return Parse(value, $"environment variable '{variable}'");
    }

    /// <summary>Writes the secret as base64 to a new file readable only by its owner.</summary>
    public void WriteToFile(string path)
    {
        using var stream = OwnerOnlyFile.CreateNew(path);
        using var writer = new StreamWriter(stream);
        writer.WriteLine(ToBase64());
    }

    /// <summary>The secret as base64, for printing once by <c>iotactors secret new</c>.</summary>
    public string ToBase64() => Convert.ToBase64String(_key);

    /// <summary>Derives a purpose-specific subkey with HKDF-SHA256 (e.g. for discovery beacon encryption).</summary>
    public byte[] DeriveKey(string purpose, int length = 32) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, _key, length, info: System.Text.Encoding.UTF8.GetBytes(purpose));

    /// <inheritdoc />
    public override string ToString() => "ClusterSecret(redacted)";
}
