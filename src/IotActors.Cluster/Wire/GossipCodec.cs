using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using IotActors.Cluster.Membership;
using IotActors.Cluster.Replication;

namespace IotActors.Cluster.Wire;

/// <summary>Converts a <see cref="Gossip"/> to and from its wire form; decoding rejects inconsistent input with <see cref="FormatException"/>.</summary>
internal static class GossipCodec
{
    public static WireGossip Encode(Gossip gossip, Guid clusterId)
    {
        var index = new Dictionary<UniqueAddress, int>();
        var nodes = new List<WireAddress>();
        int IndexOf(UniqueAddress a)
        {
            if (!index.TryGetValue(a, out var i))
            {
                i = nodes.Count;
                index[a] = i;
                nodes.Add(WireAddress.From(a));
            }

            return i;
        }

        var members = gossip.Members.Values.Select(m => new WireMember(IndexOf(m.Address), m.Status, [.. m.Roles], m.UpNumber)).ToArray();
        var records = gossip.Reachability.Records.Values
            .Select(r => new WireReachability(IndexOf(r.Observer), IndexOf(r.Subject), r.Status == ReachabilityStatus.Unreachable, r.Version))
            .ToArray();
        var seen = gossip.Seen.Select(IndexOf).ToArray();
        return new WireGossip(clusterId, [.. nodes], members, records, new Dictionary<string, long>(gossip.Version.Entries), seen);
    }

    public static Gossip Decode(WireGossip wire)
    {
        if (wire.Nodes is null || wire.Members is null || wire.Reachability is null || wire.Version is null || wire.Seen is null)
        {
            throw new FormatException("gossip is missing a part");
        }

        var nodes = wire.Nodes.Select(n => n.ToUnique()).ToArray();
        UniqueAddress At(int i) => i >= 0 && i < nodes.Length ? nodes[i] : throw new FormatException($"gossip node index {i} is out of range");
        var members = ImmutableSortedDictionary.CreateBuilder<UniqueAddress, Member>();
        foreach (var m in wire.Members)
        {
            var address = At(m.Node);
            if (!Enum.IsDefined(m.Status))
            {
                throw new FormatException($"gossip member status {(int)m.Status} is unknown");
            }

            members[address] = new Member(address, m.Status, (m.Roles ?? []).ToImmutableSortedSet(StringComparer.Ordinal), m.Up);
        }

        var reachability = Reachability.FromRecords(wire.Reachability.Select(r => new ReachabilityRecord(
            At(r.Observer), At(r.Subject), r.Unreachable ? ReachabilityStatus.Unreachable : ReachabilityStatus.Reachable, r.Version)));
        var seen = wire.Seen.Select(At).ToImmutableSortedSet();
        if (wire.Version.Values.Any(v => v < 0))
        {
            throw new FormatException("gossip version counters must not be negative");
        }

        return new Gossip(members.ToImmutable(), reachability, VersionVector.From(wire.Version), seen);
    }

    /// <summary>A short digest of the version vector and seen-set (equal digests: same version, same seen-set).</summary>
    public static string Digest(VersionVector version, IEnumerable<UniqueAddress> seen)
    {
        var text = string.Join('\n', version.Entries.Select(e => $"{e.Key}={e.Value}")) + "|" + string.Join('\n', seen.Select(a => a.VersionKey));
        return Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 12));
    }
}
