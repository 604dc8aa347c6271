namespace IotActors.Remote;

/// <summary>A message that wants its sender's authenticated node: remoting stamps <see cref="Origin"/> on arrival, overwriting whatever the payload said.</summary>
/// <remarks>Implement with a record: <c>public NodeIdentity? Origin { get; init; }</c> and <c>WithOrigin(o) =&gt; this with { Origin = o }</c>; mark <c>Origin</c> <c>[JsonIgnore]</c>. Null means a local sender.</remarks>
public interface IAuthenticatedMessage
{
    /// <summary>The authenticated node (address, incarnation, roles) the message came from; null when sent locally.</summary>
    NodeIdentity? Origin { get; }

    /// <summary>Returns a copy of the message carrying <paramref name="origin"/>.</summary>
    IAuthenticatedMessage WithOrigin(NodeIdentity origin);
}
