using BenchmarkDotNet.Attributes;
using IotActors.Hocon;

namespace IotActors.Bench.Hocon;

/// <summary>Parse + resolve cost of the node configuration files (target: reference.conf + desktop.conf under 5 ms).</summary>
[MemoryDiagnoser]
public class HoconParseBenchmark
{
    private string _hocon = "";
    private string _reference = "";

    [GlobalSetup]
    public void Setup()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "IotActors.sln")))
        {
            dir = dir.Parent;
        }

        _hocon = Path.Combine(dir?.FullName ?? throw new InvalidOperationException("IotActors.sln not found"), "hocon");
        _reference = File.ReadAllText(Path.Combine(_hocon, "reference.conf"));
    }

    /// <summary>desktop.conf includes reference.conf, so this parses and resolves both files.</summary>
    [Benchmark(Baseline = true)]
    public HoconConfig Desktop_with_reference() => HoconParser.ParseFile(Path.Combine(_hocon, "desktop.conf"));

    [Benchmark]
    public HoconConfig Reference_text_only() => HoconParser.Parse(_reference);
}
