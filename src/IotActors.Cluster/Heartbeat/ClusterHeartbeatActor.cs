using System.Collections.Immutable;
using IotActors.Actors;
using IotActors.Cluster.Daemon;
using IotActors.Cluster.FailureDetection;
using IotActors.Cluster.Membership;
using IotActors.Cluster.Wire;
using IotActors.Remote;

namespace IotActors.Cluster.Heartbeat;

/// <summary>
/// Heartbeats the ring neighbours the daemon names (<c>/system/cluster/heartbeat</c>), answers their heartbeats, and tells
/// the daemon when the phi-accrual detector changes its verdict about a neighbour.
/// </summary>
/// <remarks>
/// A neighbour is judged from its first answer, or from one heartbeat interval after it became a target if it never answers;
/// answers from another incarnation of the same address do not count.
/// </remarks>
internal sealed class ClusterHeartbeatActor : ReceiveActor, IWithTimers
{
    private const string HeartbeatPath = "/system/cluster/heartbeat";
    private readonly Cluster _cluster;
    private readonly FailureDetectorRegistry<UniqueAddress> _detectors;
    private readonly HashSet<UniqueAddress> _reportedUnreachable = [];
    private ImmutableSortedSet<UniqueAddress> _targets = [];
    private UniqueAddress? _self;
    private long _sequence;

    public ClusterHeartbeatActor(Cluster cluster)
    {
        _cluster = cluster;
        _detectors = new FailureDetectorRegistry<UniqueAddress>(Context.System.TimeProvider, cluster.Settings.FailureDetector);
        Receive<HeartbeatTargets>(OnTargets);
        Receive<HeartbeatTick>(_ => SendHeartbeats());
        Receive<ReachabilityCheckTick>(_ => CheckReachability());
        Receive<ClusterHeartbeat>(OnHeartbeat);
        Receive<ClusterHeartbeatResponse>(OnResponse);
        Receive<ExpectedFirstHeartbeat>(e =>
        {
            if (_targets.Contains(e.Target) && !_detectors.IsMonitoring(e.Target))
            {
                _detectors.Heartbeat(e.Target);
            }
        });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart()
    {
        Timers.StartPeriodicTimer("heartbeat", HeartbeatTick.Instance, _cluster.Settings.HeartbeatInterval);
        Timers.StartPeriodicTimer("check", ReachabilityCheckTick.Instance, _cluster.Settings.UnreachableCheckInterval);
    }

    private void OnTargets(HeartbeatTargets t)
    {
        if (!t.Self.Equals(_self))
        {
            _detectors.Reset();
            _reportedUnreachable.Clear();
        }

        foreach (var gone in _targets.Except(t.Targets))
        {
            _detectors.Remove(gone);
            _reportedUnreachable.Remove(gone);
        }

        _self = t.Self;
        var added = t.Targets.Except(_targets);
        _targets = t.Targets;
        if (!added.IsEmpty)
        {
            SendHeartbeats();
        }

        foreach (var target in added)
        {
            Timers.StartSingleTimer("first-heartbeat-" + target, new ExpectedFirstHeartbeat(target), _cluster.Settings.HeartbeatInterval);
        }
    }

    private void SendHeartbeats()
    {
        if (_self is not { } self)
        {
            return;
        }

        var from = WireAddress.From(self);
        foreach (var target in _targets)
        {
            var peer = Context.System.ResolveActorRef(new NodeAddress(target.System, target.Host, target.Port) + HeartbeatPath);
            peer.Tell(new ClusterHeartbeat(from, WireAddress.From(target), ++_sequence), Self);
            Interlocked.Increment(ref _cluster.Metrics.heartbeatsSent);
        }
    }

    private void OnHeartbeat(ClusterHeartbeat heartbeat)
    {
        if (_self is { } self && heartbeat.To.ToUnique().Equals(self) && heartbeat.From.IsClaimedBy(heartbeat.Origin))
        {
            Sender.Tell(new ClusterHeartbeatResponse(WireAddress.From(self), heartbeat.Sequence), Self);
        }
    }

    private void OnResponse(ClusterHeartbeatResponse response)
    {
        var from = response.From.ToUnique();
        if (_targets.Contains(from) && response.From.IsClaimedBy(response.Origin))
        {
            _detectors.Heartbeat(from);
        }
    }

    private void CheckReachability()
    {
        foreach (var target in _targets)
        {
            if (!_detectors.IsMonitoring(target))
            {
                continue;
            }

            var available = _detectors.IsAvailable(target);
            if (!available && _reportedUnreachable.Add(target))
            {
                Context.Parent.Tell(new ReachabilityVerdict(target, Reachable: false), Self);
            }
            else if (available && _reportedUnreachable.Remove(target))
            {
                Context.Parent.Tell(new ReachabilityVerdict(target, Reachable: true), Self);
            }
        }
    }
}
