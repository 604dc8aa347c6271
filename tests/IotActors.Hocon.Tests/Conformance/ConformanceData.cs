using System.Text.Json;

namespace IotActors.Hocon.Tests.Conformance;

/// <summary>Finds the shared conformance data (read in place) and converts its JSON to HOCON values.</summary>
internal static class ConformanceData
{
    private static readonly Lazy<string> s_root = new(Locate);

    public static string Root => s_root.Value;

    public static string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    private static string Locate()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "IotActors.sln")))
        {
            dir = dir.Parent;
        }

        if (dir is null)
        {
            throw new InvalidOperationException($"IotActors.sln not found above {AppContext.BaseDirectory}; cannot locate ../shared/conformance/hocon");
        }

        string folder = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "conformance", "hocon"));
        if (!Directory.Exists(folder))
        {
            throw new InvalidOperationException($"HOCON conformance data is missing: expected the folder {folder} (shared/conformance/hocon beside the repository)");
        }

        return folder;
    }

    public static HoconValue ReadExpected(string relative) => FromJson(JsonDocument.Parse(File.ReadAllText(PathOf(relative))).RootElement);

    public static JsonElement ReadJson(string relative) => JsonDocument.Parse(File.ReadAllText(PathOf(relative))).RootElement.Clone();

    public static HoconValue FromJson(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => new HoconObject(e.EnumerateObject().Select(p => new KeyValuePair<string, HoconValue>(p.Name, FromJson(p.Value)))),
        JsonValueKind.Array => new HoconArray(e.EnumerateArray().Select(FromJson)),
        JsonValueKind.String => new HoconString(e.GetString()!),
        JsonValueKind.Number => HoconNumber.TryParse(e.GetRawText()) ?? throw new InvalidOperationException("bad number " + e.GetRawText()),
        JsonValueKind.True => new HoconBoolean(true),
        JsonValueKind.False => new HoconBoolean(false),
        _ => HoconNull.Instance,
    };

    public static void ShouldEqual(this HoconValue actual, HoconValue expected, string because)
    {
        if (!actual.Equals(expected))
        {
            throw new Xunit.Sdk.XunitException($"{because}\nexpected:\n{expected.Render()}\nactual:\n{actual.Render()}");
        }
    }
}
