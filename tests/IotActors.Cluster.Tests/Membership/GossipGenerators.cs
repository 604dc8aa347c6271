using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using IotActors.Cluster.Membership;
using IotActors.Cluster.Replication;

namespace IotActors.Cluster.Tests.Membership;

/// <summary>FsCheck generators of small, conflicting gossips over a universe of four nodes.</summary>
internal static class GossipGenerators
{
    private static readonly UniqueAddress[] Universe = [Nodes.N(1), Nodes.N(2), Nodes.N(3), Nodes.N(4)];

    private static readonly Gen<MemberStatus> Status = Gen.Elements(Enum.GetValues<MemberStatus>());

    private static Gen<Member?> MemberFor(UniqueAddress a) =>
        from present in Gen.Elements(true, true, false)
        from status in Status
        from up in Gen.Choose(0, 2)
        from roles in Gen.SubListOf(new[] { "controller", "sensor" })
        select present ? new Member(a, status, roles.ToImmutableSortedSet(StringComparer.Ordinal), up) : null;

    private static readonly Gen<ReachabilityRecord> Record =
        from o in Gen.Elements(Universe)
        from s in Gen.Elements(Universe)
        from st in Gen.Elements(ReachabilityStatus.Reachable, ReachabilityStatus.Unreachable)
        from v in Gen.Choose(1, 3)
        select new ReachabilityRecord(o, s, st, v);

    public static readonly Gen<Gossip> GossipGen =
        from m1 in MemberFor(Universe[0])
        from m2 in MemberFor(Universe[1])
        from m3 in MemberFor(Universe[2])
        from m4 in MemberFor(Universe[3])
        from records in Gen.ListOf(Record)
        from clocks in Gen.ListOf(Gen.Choose(0, 3))
        from seen in Gen.SubListOf(Universe)
        select new Gossip(
            new[] { m1, m2, m3, m4 }.OfType<Member>().ToImmutableSortedDictionary(m => m.Address, m => m),
            Reachability.FromRecords(records.Take(4)),
            VersionVector.From(clocks.Take(4).Select((c, i) => KeyValuePair.Create(Universe[i].VersionKey, (long)c))),
            seen.ToImmutableSortedSet());

    public static Arbitrary<Gossip> Arb() => FsCheck.Fluent.Arb.From(GossipGen);

    public static Arbitrary<(Gossip, Gossip)> Pairs() => FsCheck.Fluent.Arb.From(Gen.Zip(GossipGen, GossipGen));

    public static Arbitrary<(Gossip, Gossip, Gossip)> Triples() =>
        FsCheck.Fluent.Arb.From(from a in GossipGen from b in GossipGen from c in GossipGen select (a, b, c));
}
