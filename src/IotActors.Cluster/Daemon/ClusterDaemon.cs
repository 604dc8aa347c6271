using System.Collections.Immutable;
using IotActors.Actors;
using IotActors.Cluster.Discovery;
using IotActors.Cluster.Downing;
using IotActors.Cluster.Heartbeat;
using IotActors.Cluster.Membership;
using IotActors.Cluster.Wire;
using IotActors.Remote;
using Microsoft.Extensions.Logging;

namespace IotActors.Cluster.Daemon;

/// <summary>
/// The membership daemon (<c>/system/cluster</c>): owns the gossip, answers joins, gossips each interval, runs the
/// leader's duties and the downing strategy, publishes events; children do heartbeats and discovery.
/// </summary>
internal sealed partial class ClusterDaemon : ReceiveActor, IWithTimers
{
    private const string DaemonPath = "/system/cluster";
    private readonly Cluster _cluster;
    private readonly ClusterSettings _settings;
    private readonly Remoting _remoting;
    private readonly ILogger _log;
    private readonly Random _random = new();
    private readonly HashSet<IActorRef> _subscribers = [];
    private readonly StableAfterTimer _stable;
    private readonly ImmutableArray<NodeAddress> _seeds;
    private UniqueAddress _self;
    private Gossip _gossip = Gossip.Empty;
    private Guid? _clusterId;
    private string _digest = "";
    private JoinMode _mode = JoinMode.MayForm;
    private bool _leaving;
    private NodeAddress? _joinSeed;
    private IActorRef? _heartbeat;
    private IActorRef? _discovery;
    private ImmutableSortedSet<UniqueAddress> _heartbeatTargets = [];
    private UniqueAddress? _heartbeatSelf;

    public ClusterDaemon(Cluster cluster, UniqueAddress self)
    {
        _cluster = cluster;
        _settings = cluster.Settings;
        _remoting = cluster.Remoting;
        _self = self;
        _log = Context.System.LoggerFactory.CreateLogger("IotActors.Cluster");
        _stable = new StableAfterTimer(Context.System.TimeProvider, _settings.StableAfter);
        _seeds = [.. _settings.SeedNodes.Select(NodeAddress.Parse)];

        Receive<GossipEnvelope>(OnGossip);
        Receive<GossipStatus>(OnGossipStatus);
        Receive<JoinRequest>(OnJoinRequest);
        Receive<Welcome>(OnWelcome);
        Receive<GossipTick>(_ => OnGossipTick());
        Receive<GossipSpeedupTick>(_ =>
        {
            if (IsGossipSpeedupNeeded) GossipRound();
        });
        Receive<LeaderTick>(_ => OnLeaderTick());
        Receive<ReachabilityVerdict>(OnReachabilityVerdict);
        Receive<JoinTo>(j => StartJoining(j.Seed));
        Receive<DiscoveredCluster>(OnDiscoveredCluster);
        Receive<FormCluster>(_ => Form());
        Receive<JoinRetryTick>(_ => RetryJoin());
        Receive<SeedNodeTimeout>(_ => OnSeedNodeTimeout());
        Receive<LeaveSelf>(_ => OnLeave());
        Receive<DownMember>(OnDownMember);
        Receive<SignalLeftTick>(_ => _cluster.SignalLeft());
        Receive<SubscribeEvents>(OnSubscribe);
        Receive<UnsubscribeEvents>(u => _subscribers.Remove(u.Subscriber));
        Receive<Terminated>(t => _subscribers.Remove(t.ActorRef));
    }

    /// <summary>Whether this node may form a cluster, may only rejoin an existing one, or is done (left for good).</summary>
    private enum JoinMode
    {
        MayForm,
        RejoinOnly,
        Done,
    }

    public ITimerScheduler Timers { get; set; } = null!;

    private bool IsMember => _gossip.MemberAt(_self) is { Status: not (MemberStatus.Down or MemberStatus.Removed) };

    private ImmutableArray<string> Roles => [.. _remoting.Transport.LocalIdentity.Roles];

    protected override void PreStart()
    {
        _heartbeat = Context.ActorOf(Props.Create(() => new ClusterHeartbeatActor(_cluster)), "heartbeat");
        if (_settings.Discovery is { } discovery)
        {
            _discovery = Context.ActorOf(Props.Create(() => new DiscoveryActor(_cluster, discovery)), "discovery");
        }

        Timers.StartPeriodicTimer("gossip", GossipTick.Instance, _settings.GossipInterval);
        Timers.StartPeriodicTimer("leader", LeaderTick.Instance, _settings.LeaderActionsInterval);
        var others = _seeds.Where(s => !s.Equals(_remoting.Address)).ToList();
        if (_seeds.Length > 0)
        {
            if (others.Count > 0)
            {
                Timers.StartPeriodicTimer("join-retry", JoinRetryTick.Instance, TimeSpan.Zero, _settings.JoinRetryInterval);
            }

            if (_seeds[0].Equals(_remoting.Address))
            {
                Timers.StartSingleTimer("seed-timeout", SeedNodeTimeout.Instance, others.Count == 0 ? TimeSpan.Zero : _settings.SeedNodeTimeout);
            }
        }

        ClusterLog.Started(_log, _self.Address, _discovery is null ? "off" : "on", string.Join(", ", _seeds));
        PublishStatus();
    }

    private void OnSubscribe(SubscribeEvents s)
    {
        if (_subscribers.Add(s.Subscriber))
        {
            Context.Watch(s.Subscriber);
        }

        if (s.InitialStateAsSnapshot)
        {
            s.Subscriber.Tell(_cluster.State, Self);
        }
    }

    /// <summary>The daemon of the node at <paramref name="address"/> (resolved each time, so a restarted peer gets a fresh ref).</summary>
    private IActorRef DaemonAt(UniqueAddress address) =>
        Context.System.ResolveActorRef(new NodeAddress(address.System, address.Host, address.Port) + DaemonPath);

    private IActorRef DaemonAt(NodeAddress address) => Context.System.ResolveActorRef(address + DaemonPath);

    /// <summary>Installs a new gossip: publishes the events, the snapshot, the heartbeat targets and discovery status.</summary>
    private void Update(Gossip next)
    {
        var previous = _gossip;
        _gossip = next;
        _digest = GossipCodec.Digest(next.Version, next.Seen);
        foreach (var e in ClusterEvents.Diff(previous, next))
        {
            LogEvent(e);
            foreach (var subscriber in _subscribers)
            {
                subscriber.Tell(e, Self);
            }
        }

        _cluster.Publish(CurrentClusterState.From(_self, next, _clusterId));
        ObservePicture();
        UpdateHeartbeatTargets();
        CheckSelfStatus(previous);
        PublishStatus();
    }

    private void LogEvent(ClusterEvent e)
    {
        if (e is MemberEvent m)
        {
            ClusterLog.MemberEvent(_log, e.GetType().Name, m.Member.Address.Address, m.Member.Address.Incarnation, m.Member.Status.ToString());
        }
        else if (e is LeaderChanged l)
        {
            ClusterLog.LeaderChanged(_log, l.Leader?.Address ?? "(none)");
        }
    }

    private void UpdateHeartbeatTargets()
    {
        if (!IsMember)
        {
            SetHeartbeatTargets([]);
            return;
        }

        var monitored = _gossip.ActiveMembers
            .Where(m => m.Status is MemberStatus.Joining or MemberStatus.Up or MemberStatus.Leaving || m.Address.Equals(_self))
            .Select(m => m.Address)
            .ToList();
        var unreachable = _gossip.Reachability.AllUnreachable;
        var ring = new HeartbeatRing(monitored, unreachable, _settings.MonitoredBy);
        var targets = ring.Receivers(_self)
            .Union(_gossip.Reachability.AllUnreachableFrom(_self).Where(monitored.Contains));
        SetHeartbeatTargets(targets);
    }

    private void SetHeartbeatTargets(ImmutableSortedSet<UniqueAddress> targets)
    {
        if (targets.SetEquals(_heartbeatTargets) && _self.Equals(_heartbeatSelf))
        {
            return;
        }

        _heartbeatTargets = targets;
        _heartbeatSelf = _self;
        _heartbeat?.Tell(new HeartbeatTargets(_self, targets), Self);
    }

    private void PublishStatus() =>
        _discovery?.Tell(new DiscoveryStatus(_self, Roles, IsMember ? _clusterId : null, _mode == JoinMode.MayForm, _mode != JoinMode.Done), Self);

    protected override void PostStop() => _cluster.SignalLeft();
}
