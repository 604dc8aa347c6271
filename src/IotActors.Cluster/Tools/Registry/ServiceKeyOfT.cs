namespace IotActors.Cluster.Tools.Registry;

/// <summary>A registry key for services that accept messages of type <typeparamref name="T"/>.</summary>
/// <remarks>Only <see cref="ServiceKey.Id"/> crosses the wire: keys with the same id are the same service on every node.</remarks>
/// <param name="Id">The cluster-wide id.</param>
public sealed record ServiceKey<T>(string Id) : ServiceKey(Id);
