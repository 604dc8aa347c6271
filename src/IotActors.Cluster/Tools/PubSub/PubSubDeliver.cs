using IotActors.Remote;

namespace IotActors.Cluster.Tools.PubSub;

/// <summary>A published message sent to another node's mediator, which fans it out to its local subscribers.</summary>
/// <param name="Topic">The topic.</param>
/// <param name="Message">The published message, or an <see cref="UndeliverablePayload"/> when the receiver could not read it.</param>
internal sealed record PubSubDeliver(string Topic, object Message) : IAuthenticatedMessage
{
    /// <summary>The manifest the inner message arrived with (null when sent locally).</summary>
    public string? InnerManifest { get; init; }

    /// <inheritdoc />
    public NodeIdentity? Origin { get; init; }

    /// <inheritdoc />
    public IAuthenticatedMessage WithOrigin(NodeIdentity origin) => this with { Origin = origin };
}

/// <summary>Stands in for a published message this node could not deserialize (unknown manifest or bad payload).</summary>
internal sealed record UndeliverablePayload(string Manifest, string Reason);
