using System.Diagnostics;
using System.Globalization;

namespace IotActors.Bench.Gateway;

/// <summary><c>idle-node --seconds 60</c>: start a node, let it idle, and read its CPU share and RSS from /proc.</summary>
internal sealed class IdleNodeCommand : IBenchCommand
{
    public string Name => "idle-node";

    public string Usage => "--seconds N [--node PATH]  CPU % of one core and RSS of an idle node after N seconds";

    public async Task<int> RunAsync(string[] args)
    {
        var seconds = CommandArgs.Int(args, "--seconds", 60);
        await using var node = await BenchNodeProcess.StartAsync(BenchNodeProcess.ResolveBinary(args), "hocon/reference.conf");
        // Start-up (JIT, first GC) is not idling: measure the CPU used over the last two thirds of the wait.
        var settle = TimeSpan.FromSeconds(seconds / 3.0);
        await Task.Delay(settle);
        var ticksBefore = ProcStat.CpuTicks(node.Pid);
        var sw = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(seconds) - settle);
        var ticks = ProcStat.CpuTicks(node.Pid) - ticksBefore;
        var cpu = 100.0 * ticks / ProcStat.TicksPerSecond / sw.Elapsed.TotalSeconds;
        var rss = ProcStat.RssBytes(node.Pid);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"idle for {seconds} s (cpu sampled over the last {sw.Elapsed.TotalSeconds:F0} s): {ticks} ticks"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"idle rss: {rss / 1048576.0:F1} MB"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"idle cpu: {cpu:F3} % of a core"));
        return 0;
    }
}
