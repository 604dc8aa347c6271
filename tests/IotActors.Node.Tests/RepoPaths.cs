namespace IotActors.Node.Tests;

/// <summary>Finds the repository (the folder holding IotActors.sln) from the test output folder.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Hocon(string file) => Path.Combine(Root, "hocon", file);

    /// <summary>The built executable's dll, next to the test assembly.</summary>
    public static string NodeDll => Path.Combine(AppContext.BaseDirectory, "iotactors.dll");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "IotActors.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"IotActors.sln not found above {AppContext.BaseDirectory}");
    }
}
