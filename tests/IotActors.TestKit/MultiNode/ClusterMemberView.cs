using System.Text.Json.Serialization;

namespace IotActors.TestKit.MultiNode;

/// <summary>One member as a node's GET /api/cluster reports it.</summary>
public sealed record ClusterMemberView(
    [property: JsonPropertyName("address")] string Address,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("roles")] IReadOnlyList<string> Roles,
    [property: JsonPropertyName("reachable")] bool Reachable);
