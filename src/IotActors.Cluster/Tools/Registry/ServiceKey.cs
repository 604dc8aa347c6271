namespace IotActors.Cluster.Tools.Registry;

/// <summary>Names a service in the registry; typed by the messages the service accepts (see <see cref="ServiceKey{T}"/>).</summary>
/// <param name="Id">The cluster-wide id, e.g. <c>actuator:fan-1</c> (a key per device id lets controllers find one actuator).</param>
public abstract record ServiceKey(string Id);
