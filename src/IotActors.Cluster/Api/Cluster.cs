using IotActors.Actors;
using IotActors.Cluster.Daemon;
using IotActors.Cluster.Membership;
using IotActors.Remote;

namespace IotActors.Cluster;

/// <summary>The cluster extension of an actor system: membership state, join, leave, down and event subscriptions.</summary>
/// <remarks>
/// Thread-safe. Start it after remoting with <see cref="Start"/> (hosting: <c>builder.WithRemoting().WithClustering()</c>);
/// <see cref="Get"/> returns it afterwards. The work happens in the daemon actor <c>/system/cluster</c>; this class sends it
/// commands and exposes the latest snapshot it published.
/// </remarks>
public sealed class Cluster
{
    private readonly IActorRef _daemon;
    private CurrentClusterState _state;
    private TaskCompletionSource _left = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private Cluster(ActorSystem system, ClusterSettings settings, Remoting remoting)
    {
        System = system;
        Settings = settings;
        Remoting = remoting;
        var self = NewSelf(remoting);
        _state = CurrentClusterState.Empty(self);
        _daemon = system.SystemActorOf(Props.Create(() => new ClusterDaemon(this, self)), "cluster");
    }

    /// <summary>The actor system this cluster extension serves.</summary>
    public ActorSystem System { get; }

    /// <summary>The settings the cluster runs with.</summary>
    public ClusterSettings Settings { get; }

    /// <summary>This node's current member address (changes on every rejoin).</summary>
    public UniqueAddress SelfAddress => State.Self;

    /// <summary>This node's member entry, or null while it is not a member.</summary>
    public Member? SelfMember => State.SelfMember;

    /// <summary>The latest snapshot: members, unreachable members and leader.</summary>
    public CurrentClusterState State => Volatile.Read(ref _state);

    /// <summary>Counters of gossip, heartbeats and downing.</summary>
    public ClusterMetrics Metrics { get; } = new();

    internal Remoting Remoting { get; }

    /// <summary>Starts the cluster daemon; remoting must already be started on <paramref name="system"/>.</summary>
    /// <exception cref="InvalidOperationException">Remoting is not started, or the cluster already is.</exception>
    public static Cluster Start(ActorSystem system, ClusterSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        settings ??= new ClusterSettings();
        settings.Validate();
        var remoting = Remoting.Get(system);
        if (system.HasExtension<Cluster>())
        {
            throw new InvalidOperationException($"The cluster is already started for actor system {system.Name}.");
        }

        Wire.ClusterMessages.RegisterInto(remoting.Registry);
        return system.RegisterExtension(s => new Cluster(s, settings, remoting));
    }

    /// <summary>The cluster of <paramref name="system"/>; throws when it was not started.</summary>
    public static Cluster Get(ActorSystem system) =>
        system.GetExtension<Cluster>()
        ?? throw new InvalidOperationException($"The cluster is not started for actor system {system.Name}; call Cluster.Start (or builder.WithClustering) first.");

    /// <summary>Joins the cluster through the node at <paramref name="address"/> (<c>iot://system@host:port</c>); joining itself forms a new cluster.</summary>
    public void Join(string address) => Join(NodeAddress.Parse(address));

    /// <summary>Joins the cluster through the node at <paramref name="address"/>; joining itself forms a new cluster.</summary>
    public void Join(NodeAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        _daemon.Tell(address.Equals(Remoting.Address) ? FormCluster.Instance : new JoinTo(address), null);
    }

    /// <summary>Leaves the cluster gracefully: Leaving, Exiting, then Removed by the leader.</summary>
    public void Leave() => _daemon.Tell(LeaveSelf.Instance, null);

    /// <summary>Leaves and waits until this node is Removed (true) or <paramref name="timeout"/> passes (false).</summary>
    public async Task<bool> LeaveAsync(TimeSpan? timeout = null)
    {
        if (!State.IsMember)
        {
            return true;
        }

        var left = Volatile.Read(ref _left).Task;
        Leave();
        try
        {
            await left.WaitAsync(timeout ?? Settings.LeaveTimeout, System.TimeProvider).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>Marks the member at <paramref name="address"/> Down; the leader then removes it.</summary>
    public void Down(string address) => Down(NodeAddress.Parse(address));

    /// <summary>Marks the member at <paramref name="address"/> Down; the leader then removes it.</summary>
    public void Down(NodeAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        _daemon.Tell(new DownMember(address), null);
    }

    /// <summary>Sends cluster events (<see cref="ClusterEvent"/> subclasses) to <paramref name="subscriber"/>, first a <see cref="CurrentClusterState"/> if asked.</summary>
    public void Subscribe(IActorRef subscriber, bool initialStateAsSnapshot = true)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        _daemon.Tell(new SubscribeEvents(subscriber, initialStateAsSnapshot), null);
    }

    /// <summary>Stops sending cluster events to <paramref name="subscriber"/>.</summary>
    public void Unsubscribe(IActorRef subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        _daemon.Tell(new UnsubscribeEvents(subscriber), null);
    }

    internal void Publish(CurrentClusterState state) => Volatile.Write(ref _state, state);

    /// <summary>Called by the daemon when this node stopped being a member (removed after leaving, or downed).</summary>
    internal void SignalLeft()
    {
        var previous = Interlocked.Exchange(ref _left, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        previous.TrySetResult();
    }

    internal static UniqueAddress NewSelf(Remoting remoting)
    {
        var a = remoting.Address;
        long uid = BitConverter.ToInt64(global::System.Security.Cryptography.RandomNumberGenerator.GetBytes(8)) & long.MaxValue;
        return new UniqueAddress(a.System, a.Host, a.Port, uid == 0 ? 1 : uid);
    }
}
