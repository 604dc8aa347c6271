using System.Text.Json.Serialization;

namespace IotActors.TestKit.MultiNode;

/// <summary>A node's view of the cluster from GET /api/cluster: itself, the leader it sees, and the members.</summary>
public sealed record ClusterView(
    [property: JsonPropertyName("self")] string Self,
    [property: JsonPropertyName("leader")] string? Leader,
    [property: JsonPropertyName("members")] IReadOnlyList<ClusterMemberView> Members)
{
    /// <summary>Addresses of members with status Up (the API writes statuses in lower case).</summary>
    public IReadOnlyList<string> UpMembers => Members.Where(m => string.Equals(m.Status, "Up", StringComparison.OrdinalIgnoreCase)).Select(m => m.Address).ToArray();

    /// <summary>Addresses of members this node sees as unreachable.</summary>
    public IReadOnlyList<string> Unreachable => Members.Where(m => !m.Reachable).Select(m => m.Address).ToArray();
}
