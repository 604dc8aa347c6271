using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace IotActors.Node.Tools;

/// <summary>API bearer tokens of a node, kept as salted hashes in <c>&lt;data-dir&gt;/api-tokens.json</c> (mode 0600).</summary>
/// <remarks>Tokens carry 256 random bits, so one salted HMAC-SHA256 is enough (no slow password hash). Not safe for concurrent writers.</remarks>
public sealed class ApiTokenStore(string dataDirectory)
{
    /// <summary>The token file's name inside the data directory.</summary>
    public const string FileName = "api-tokens.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    /// <summary>The token file.</summary>
    public string FilePath { get; } = Path.Combine(dataDirectory, FileName);

    /// <summary>Creates a token, stores its hash and returns the token text (the only time it exists in clear).</summary>
    public string Create(ApiRole role, string name, DateTimeOffset now)
    {
        List<ApiTokenEntry> entries = Load();
        string id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        string token = $"iot_{id}_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32))}";
        byte[] salt = RandomNumberGenerator.GetBytes(16);
        entries.Add(new ApiTokenEntry(id, name, role, Convert.ToBase64String(salt), Convert.ToBase64String(Hash(salt, token)), now));
        Save(entries);
        return token;
    }

    /// <summary>The entry a token belongs to, or null when the token is unknown or wrong.</summary>
    public ApiTokenEntry? Verify(string token)
    {
        string[] parts = token.Split('_');
        if (parts.Length != 3 || parts[0] != "iot") return null;
        ApiTokenEntry? entry = Load().FirstOrDefault(e => e.Id == parts[1]);
        if (entry is null) return null;
        byte[] expected = Convert.FromBase64String(entry.Hash);
        return CryptographicOperations.FixedTimeEquals(expected, Hash(Convert.FromBase64String(entry.Salt), token)) ? entry : null;
    }

    /// <summary>True when the token is valid and its role is at least <paramref name="required"/>.</summary>
    public bool Allows(string token, ApiRole required) => Verify(token) is { } entry && entry.Role >= required;

    /// <summary>Every stored entry.</summary>
    public IReadOnlyList<ApiTokenEntry> List() => Load();

    private List<ApiTokenEntry> Load()
    {
        if (!File.Exists(FilePath)) return [];
        try
        {
            return JsonSerializer.Deserialize<List<ApiTokenEntry>>(File.ReadAllText(FilePath), Json) ?? [];
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"The token file '{FilePath}' is not valid JSON ({ex.Message}); fix or remove it.", ex);
        }
    }

    private void Save(List<ApiTokenEntry> entries)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(FilePath))!);
        string temp = FilePath + ".tmp";
        File.Delete(temp);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(temp, options))
        {
            JsonSerializer.Serialize(stream, entries, Json);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temp, FilePath, overwrite: true);
    }

    private static byte[] Hash(byte[] salt, string token) => HMACSHA256.HashData(salt, Encoding.UTF8.GetBytes(token));
}
