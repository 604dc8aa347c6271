using IotActors.Actors;
using IotActors.Remote;

namespace IotActors.Cluster.Tools.Registry;

/// <summary>The cluster-wide service registry (receptionist): one actor per node at <c>/system/receptionist</c>.</summary>
/// <remarks>
/// Thread-safe. Start it after remoting (and the cluster, when it runs). Controllers find actuators by device id:
/// <c>receptionist.Ref.Tell(new SubscribeService(new ServiceKey&lt;SetActive&gt;("actuator:fan-1"), Self))</c>.
/// </remarks>
public sealed class Receptionist
{
    private Receptionist(IActorRef actor, TimeSpan gossipInterval)
    {
        Ref = actor;
        GossipInterval = gossipInterval;
    }

    /// <summary>The local registry actor; send it <see cref="Register"/>, <see cref="Find"/>, <see cref="SubscribeService"/> and the rest.</summary>
    public IActorRef Ref { get; }

    /// <summary>How often the registry gossips with one random peer.</summary>
    public TimeSpan GossipInterval { get; }

    /// <summary>
    /// Starts the registry on <paramref name="system"/>: registration changes are pushed to every reachable node at most every
    /// <paramref name="deltaInterval"/> (default 200 ms), and every <paramref name="gossipInterval"/> (default 1 s) one random
    /// node gets this node's table versions (anti-entropy).
    /// </summary>
    /// <exception cref="InvalidOperationException">The registry is already started on this system.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An interval is not between 10 ms and 1 minute.</exception>
    public static Receptionist Start(ActorSystem system, TimeSpan? gossipInterval = null, TimeSpan? deltaInterval = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        var interval = gossipInterval ?? TimeSpan.FromSeconds(1);
        var delta = deltaInterval ?? TimeSpan.FromMilliseconds(200);
        if (interval < TimeSpan.FromMilliseconds(10) || interval > TimeSpan.FromMinutes(1))
        {
            throw new ArgumentOutOfRangeException(nameof(gossipInterval), interval, "cluster.registry.gossip-interval must be between 10ms and 1m.");
        }

        if (delta < TimeSpan.FromMilliseconds(10) || delta > TimeSpan.FromMinutes(1))
        {
            throw new ArgumentOutOfRangeException(nameof(deltaInterval), delta, "cluster.registry.delta-interval must be between 10ms and 1m.");
        }

        if (system.HasExtension<Receptionist>())
        {
            throw new InvalidOperationException($"The registry is already started for actor system {system.Name}.");
        }

        if (system.GetExtension<Remoting>() is { } remoting)
        {
            ClusterToolsMessages.RegisterInto(remoting.Registry);
        }

        var clustered = system.HasExtension<Cluster>();
        return system.RegisterExtension(s => new Receptionist(
            s.SystemActorOf(ReceptionistActor.Props(interval, delta, s.Address.ToString(), clustered), "receptionist"), interval));
    }

    /// <summary>The registry of <paramref name="system"/>; throws when it was not started.</summary>
    public static Receptionist Get(ActorSystem system) =>
        system.GetExtension<Receptionist>()
        ?? throw new InvalidOperationException($"The registry is not started for actor system {system.Name}; call Receptionist.Start (or builder.WithDistributedPubSub) first.");
}
