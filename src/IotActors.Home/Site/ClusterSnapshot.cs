namespace IotActors.Home.Site;

/// <summary>The cluster as this node sees it.</summary>
/// <param name="Self">This node's address.</param>
/// <param name="Leader">The leader's address, or null while there is none.</param>
/// <param name="Members">Every member, ordered by address.</param>
public sealed record ClusterSnapshot(string Self, string? Leader, IReadOnlyList<ClusterMemberInfo> Members);
