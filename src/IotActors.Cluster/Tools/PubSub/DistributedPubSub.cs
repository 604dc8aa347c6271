using IotActors.Actors;
using IotActors.Remote;

namespace IotActors.Cluster.Tools.PubSub;

/// <summary>Cluster-wide publish-subscribe: one mediator per node at <c>/system/pubsub</c>.</summary>
/// <remarks>
/// Thread-safe. Start it after remoting (and the cluster, when it runs): the mediator then follows cluster membership on
/// its own; without the cluster it works on this node and takes cluster events sent to <see cref="Mediator"/>.
/// Published message types must be registered in the remoting <c>MessageRegistry</c>
/// (<c>registry.Register("home.Reading", json.Reading)</c>, e.g. in <c>builder.WithRemoting(r =&gt; ...)</c>) on every node;
/// the registry's role rules for that manifest are enforced on arrival.
/// </remarks>
public sealed class DistributedPubSub
{
    private DistributedPubSub(IActorRef mediator, DistributedPubSubSettings settings)
    {
        Mediator = mediator;
        Settings = settings;
    }

    /// <summary>The local mediator; send it <see cref="Subscribe"/>, <see cref="Publish"/>, <see cref="Send"/> and the rest.</summary>
    public IActorRef Mediator { get; }

    /// <summary>The settings the mediator runs with.</summary>
    public DistributedPubSubSettings Settings { get; }

    /// <summary>Starts the mediator on <paramref name="system"/>.</summary>
    /// <exception cref="InvalidOperationException">Pub-sub is already started on this system.</exception>
    public static DistributedPubSub Start(ActorSystem system, DistributedPubSubSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        settings ??= new DistributedPubSubSettings();
        settings.Validate();
        if (system.HasExtension<DistributedPubSub>())
        {
            throw new InvalidOperationException($"Distributed pub-sub is already started for actor system {system.Name}.");
        }

        var remoting = system.GetExtension<Remoting>();
        if (remoting is not null)
        {
            ClusterToolsMessages.RegisterInto(remoting.Registry);
        }

        var clustered = system.HasExtension<Cluster>();
        return system.RegisterExtension(s => new DistributedPubSub(
            s.SystemActorOf(DistributedPubSubMediator.Props(settings, s.Address.ToString(), clustered, remoting?.Registry), "pubsub"), settings));
    }

    /// <summary>The pub-sub of <paramref name="system"/>; throws when it was not started.</summary>
    public static DistributedPubSub Get(ActorSystem system) =>
        system.GetExtension<DistributedPubSub>()
        ?? throw new InvalidOperationException($"Distributed pub-sub is not started for actor system {system.Name}; call DistributedPubSub.Start (or builder.WithDistributedPubSub) first.");

    /// <summary>Publishes <paramref name="message"/> on <paramref name="topic"/> to every subscriber in the cluster.</summary>
    public void Publish(string topic, object message, IActorRef? sender = null) => Mediator.Tell(new Publish(topic, message), sender);
}
