using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;

namespace IotActors.Node.Configuration;

/// <summary>Renders the effective configuration for <c>config show</c>, with secret values replaced by a marker.</summary>
internal static class EffectiveConfigRenderer
{
    public const string Redacted = "<redacted>";
    private static readonly JsonSerializerOptions Readable = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly string[] SecretWords = ["secret", "password", "passphrase", "token", "private-key", "api-key"];

    /// <summary>One <c>dotted.key = value</c> line per leaf, sorted; arrays appear as key.0, key.1.</summary>
    public static string AsHoconLines(IConfiguration configuration) =>
        string.Join('\n', Leaves(configuration).Select(l => $"{l.Key} = {JsonSerializer.Serialize(l.Value, Readable)}")) + "\n";

    /// <summary>The configuration as a JSON document; numbers and booleans are written as such, arrays as arrays.</summary>
    public static string AsJson(IConfiguration configuration)
    {
        JsonNode root = ToNode(configuration.GetChildren()) ?? new JsonObject();
        return root.ToJsonString(Readable) + "\n";
    }

    /// <summary>True if the key names a secret (its last segment contains secret, password, token, ...).</summary>
    public static bool IsSecretKey(string key)
    {
        string last = key.Split(':', '.').Last(s => !int.TryParse(s, out _));
        return SecretWords.Any(w => last.Contains(w, StringComparison.OrdinalIgnoreCase));
    }

    private static IEnumerable<KeyValuePair<string, string>> Leaves(IConfiguration configuration) =>
        configuration.AsEnumerable()
            .Where(kv => kv.Value is not null)
            .Select(kv => new KeyValuePair<string, string>(kv.Key.Replace(':', '.'), Display(kv.Key, kv.Value!)))
            .OrderBy(kv => kv.Key, StringComparer.Ordinal);

    private static string Display(string key, string value) =>
        IsSecretKey(key) ? Redacted : RedactConnectionString(value);

    // Connection strings carry passwords inside the value ("...;Password=x;...").
    private static string RedactConnectionString(string value)
    {
        if (!value.Contains("password=", StringComparison.OrdinalIgnoreCase)) return value;
        return string.Join(';', value.Split(';').Select(part =>
            part.TrimStart().StartsWith("password=", StringComparison.OrdinalIgnoreCase) ? "Password=" + Redacted : part));
    }

    private static JsonNode? ToNode(IEnumerable<IConfigurationSection> children)
    {
        var list = children.ToList();
        if (list.Count == 0) return null;
        bool isArray = list.All(c => int.TryParse(c.Key, NumberStyles.None, CultureInfo.InvariantCulture, out _));
        if (isArray)
        {
            var array = new JsonArray();
            foreach (var child in list.OrderBy(c => int.Parse(c.Key, CultureInfo.InvariantCulture)))
            {
                array.Add(ToNode(child));
            }
            return array;
        }

        var obj = new JsonObject();
        foreach (var child in list.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            obj[child.Key] = ToNode(child);
        }
        return obj;
    }

    private static JsonNode? ToNode(IConfigurationSection section)
    {
        if (section.Value is null) return ToNode(section.GetChildren()) ?? new JsonObject();
        string value = Display(section.Path, section.Value);
        if (value == Redacted) return JsonValue.Create(value);
        if (bool.TryParse(value, out bool b)) return JsonValue.Create(b);
        if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long l)) return JsonValue.Create(l);
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && value.Contains('.')) return JsonValue.Create(d);
        return JsonValue.Create(value);
    }
}
