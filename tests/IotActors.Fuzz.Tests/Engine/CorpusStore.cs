namespace IotActors.Fuzz.Engine;

/// <summary>Finds the corpus and findings folders of this project and loads seed files.</summary>
public static class CorpusStore
{
    private const string ProjectFile = "IotActors.Fuzz.Tests.csproj";

    /// <summary>The project's source folder when running from a build tree, else the output folder.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Where findings are written.</summary>
    public static string FindingsDirectory => Path.Combine(Root, "findings");

    /// <summary>The corpus folder of one decoder.</summary>
    public static string CorpusDirectory(string decoder) => Path.Combine(Root, "corpus", decoder);

    /// <summary>Every file of a decoder's corpus folder, in name order.</summary>
    public static IReadOnlyList<(string Name, byte[] Data)> Files(string decoder)
    {
        string directory = CorpusDirectory(decoder);
        if (!Directory.Exists(directory)) return [];
        return Directory.GetFiles(directory).Order(StringComparer.Ordinal).Select(f => (Path.GetFileName(f), File.ReadAllBytes(f))).ToList();
    }

    /// <summary>The target's built-in seeds plus its corpus files.</summary>
    public static IReadOnlyList<byte[]> Load(IFuzzTarget target) => [.. target.Seeds(), .. Files(target.Name).Select(f => f.Data)];

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, ProjectFile))) return dir.FullName;
        }
        return AppContext.BaseDirectory;
    }
}
