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

    /// <summary>How often the registry gossips with its peers.</summary>
    public TimeSpan GossipInterval { get; }

    /// <summary>Starts the registry on <paramref name="system"/>, gossiping every <paramref name="gossipInterval"/> (default 250 ms).</summary>
    /// <exception cref="InvalidOperationException">The registry is already started on this system.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The interval is not between 10 ms and 1 minute.</exception>
    public static Receptionist Start(ActorSystem system, TimeSpan? gossipInterval = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        var interval = gossipInterval ?? TimeSpan.FromMilliseconds(250);
        if (interval < TimeSpan.FromMilliseconds(10) || interval > TimeSpan.FromMinutes(1))
        {
            throw new ArgumentOutOfRangeException(nameof(gossipInterval), interval, "cluster.registry.gossip-interval must be between 10ms and 1m.");
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
            s.SystemActorOf(ReceptionistActor.Props(interval, s.Address.ToString(), clustered), "receptionist"), interval));
    }

    /// <summary>The registry of <paramref name="system"/>; throws when it was not started.</summary>
    public static Receptionist Get(ActorSystem system) =>
        system.GetExtension<Receptionist>()
        ?? throw new InvalidOperationException($"The registry is not started for actor system {system.Name}; call Receptionist.Start (or builder.WithDistributedPubSub) first.");
}
