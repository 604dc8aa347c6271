using IotActors.Actors;
using Microsoft.Extensions.Logging;

namespace IotActors.Hosting;

/// <summary>Logs one line at the node's heartbeat interval so an operator can see the node is alive.</summary>
internal sealed partial class NodeHeartbeatActor : ReceiveActor, IWithTimers
{
    private sealed record Tick
    {
        public static readonly Tick Instance = new();
    }

    private readonly NodeOptions _node;
    private readonly DateTimeOffset _started;

    public NodeHeartbeatActor(NodeOptions node)
    {
        _node = node;
        _started = Context.System.TimeProvider.GetUtcNow();
        Receive<Tick>(_ =>
        {
            TimeSpan uptime = Context.System.TimeProvider.GetUtcNow() - _started;
            LogAlive(Log, _node.Name, uptime.ToString(@"d\.hh\:mm\:ss"), Context.System.DeadLetterCount);
        });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart() => Timers.StartPeriodicTimer("heartbeat", Tick.Instance, TimeSpan.Zero, _node.HeartbeatLogInterval);

    [LoggerMessage(Level = LogLevel.Information, Message = "node {Node} alive, up {Uptime}, {DeadLetters} dead letters")]
    private static partial void LogAlive(ILogger logger, string node, string uptime, long deadLetters);
}
