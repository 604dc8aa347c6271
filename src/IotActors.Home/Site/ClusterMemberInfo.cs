namespace IotActors.Home.Site;

/// <summary>One member of the cluster as the API shows it.</summary>
/// <param name="Address">The node's address, e.g. <c>iot://iotactors@10.0.0.5:4053</c>.</param>
/// <param name="Status">joining, up, leaving, exiting, down or removed.</param>
/// <param name="Roles">The roles the node declares.</param>
/// <param name="Reachable">False while the failure detector suspects it.</param>
public sealed record ClusterMemberInfo(string Address, string Status, IReadOnlyList<string> Roles, bool Reachable);
