using System.Globalization;

namespace IotActors.Bench.E2e;

/// <summary>Options of the <c>e2e</c> command.</summary>
/// <param name="Nodes">1 (every role on one node) or 3 (sensor+gateway on A, controller on B, actuator+dashboard on C).</param>
/// <param name="Seconds">Measured seconds (after the warm-up).</param>
/// <param name="Rate">Readings per second to offer; null means as fast as the gateway takes them (<c>--rate max</c>).</param>
/// <param name="ToggleEvery">The rule's sensor crosses the threshold every this many of its readings (1: every reading toggles the fan).</param>
/// <param name="Devices">Sensor devices fed round-robin; only the first one drives the rule.</param>
/// <param name="Connections">TCP connections to the gateway.</param>
/// <param name="WarmupSeconds">Seconds fed before measuring (first GCs, pub-sub routes); null (<c>--warmup settled</c>, the default): at least 3 s and until no node is busy in the JIT (see <see cref="NodeRuntime.JitSettling"/>).</param>
internal sealed record E2eOptions(int Nodes, int Seconds, int? Rate, int ToggleEvery, int Devices, int Connections, int? WarmupSeconds)
{
    public const string Usage = "--nodes 1|3 --seconds N [--rate N|max] [--toggle-every N] [--devices N] [--connections N] [--warmup N|settled]  readings/s and sample->StateChanged p50/p95/p99";

    /// <summary>Parses the command line; throws <see cref="ArgumentException"/> with the offending option.</summary>
    public static E2eOptions Parse(string[] args)
    {
        int nodes = CommandArgs.Int(args, "--nodes", 3);
        if (nodes is not (1 or 3)) throw new ArgumentException($"--nodes must be 1 or 3, got {nodes}.");
        int? rate = 1000;
        var i = Array.IndexOf(args, "--rate");
        if (i >= 0)
        {
            var text = i + 1 < args.Length ? args[i + 1] : "";
            rate = text == "max" ? null
                : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var r) && r > 0 ? r
                : throw new ArgumentException($"--rate must be a positive integer or 'max', got '{text}'.");
        }

        // Each switch is a durable (fsync'd) sequential Persist of one actor; a switch per reading would measure only that, so
        // the fan switches every 20th reading (50 switches/s at 1,000 readings/s), and every 1,000th at full speed.
        int toggle = CommandArgs.Int(args, "--toggle-every", rate is null ? 1000 : 20);
        int devices = CommandArgs.Int(args, "--devices", rate is null ? 8 : 1);
        int connections = CommandArgs.Int(args, "--connections", rate is null ? 2 : 1);
        if (rate is not null && connections != 1) throw new ArgumentException("--connections above 1 needs --rate max (a fixed rate keeps one ordered stream).");
        int w = Array.IndexOf(args, "--warmup");
        int? warmup = w < 0 || (w + 1 < args.Length && args[w + 1] == "settled") ? null : CommandArgs.Int(args, "--warmup", 3);
        return new E2eOptions(nodes, CommandArgs.Int(args, "--seconds", 20), rate, toggle, devices, connections, warmup);
    }
}
