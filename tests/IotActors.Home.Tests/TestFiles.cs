using Microsoft.Extensions.Configuration;
using IotActors.Hocon;

namespace IotActors.Home.Tests;

/// <summary>A temporary directory deleted on dispose, with helpers to load HOCON text as configuration.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "iotactors-home-" + Guid.NewGuid().ToString("N"));

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public IConfigurationRoot Hocon(string text)
    {
        var file = File($"conf-{Guid.NewGuid():N}.conf");
        System.IO.File.WriteAllText(file, text);
        return new ConfigurationBuilder().AddHoconFile(file).Build();
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    /// <summary>The repository root (the folder holding IotActors.sln).</summary>
    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "IotActors.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("IotActors.sln not found above " + AppContext.BaseDirectory);
    }
}
