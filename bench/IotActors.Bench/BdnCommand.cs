using BenchmarkDotNet.Running;

namespace IotActors.Bench;

/// <summary>Runs the BenchmarkDotNet suites of every layer (all benchmark classes in this assembly).</summary>
internal sealed class BdnCommand : IBenchCommand
{
    public string Name => "bdn";

    public string Usage => "[BenchmarkDotNet args] run BenchmarkDotNet suites, e.g. bdn --filter '*PingPong*' --job short";

    public Task<int> RunAsync(string[] args)
    {
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return Task.FromResult(0);
    }
}
