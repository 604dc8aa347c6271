using FsCheck;
using FsCheck.Fluent;
using IotActors.Cluster.Membership;
using static IotActors.Cluster.Tests.Nodes;

namespace IotActors.Cluster.Tests.Membership;

public sealed class GossipMergePropertyTests
{
    [Fact]
    public void Merge_is_commutative() =>
        Check.QuickThrowOnFailure(Prop.ForAll(GossipGenerators.Pairs(), p => p.Item1.Merge(p.Item2).Equals(p.Item2.Merge(p.Item1))));

    [Fact]
    public void Merge_is_associative() =>
        Check.QuickThrowOnFailure(Prop.ForAll(GossipGenerators.Triples(), t =>
            t.Item1.Merge(t.Item2).Merge(t.Item3).Equals(t.Item1.Merge(t.Item2.Merge(t.Item3)))));

    [Fact]
    public void Merge_is_idempotent() =>
        Check.QuickThrowOnFailure(Prop.ForAll(GossipGenerators.Arb(), g => g.Merge(g).Equals(g)));

    [Fact]
    public void Merge_is_deterministic_and_keeps_every_address() =>
        Check.QuickThrowOnFailure(Prop.ForAll(GossipGenerators.Pairs(), p =>
        {
            var merged = p.Item1.Merge(p.Item2);
            return merged.Equals(p.Item1.Merge(p.Item2)) &&
                   merged.Members.Keys.ToHashSet().SetEquals(p.Item1.Members.Keys.Concat(p.Item2.Members.Keys));
        }));

    [Fact]
    public void Conflicting_statuses_resolve_by_precedence()
    {
        var a = GossipOf(M(1, MemberStatus.Up, 1), M(2, MemberStatus.Leaving, 2)).Increment(N(1));
        var b = GossipOf(M(1, MemberStatus.Down, 1), M(2, MemberStatus.Up, 2)).Increment(N(2));
        var merged = a.Merge(b);
        merged.MemberAt(N(1))!.Status.Should().Be(MemberStatus.Down);
        merged.MemberAt(N(2))!.Status.Should().Be(MemberStatus.Leaving);
        merged.Seen.Should().BeEmpty("the merged version is new, nobody has seen it yet");
    }

    [Fact]
    public void Merging_a_newer_version_takes_its_seen_set()
    {
        var older = GossipOf(M(1, MemberStatus.Up, 1)).Increment(N(1)).SeenBy(N(2));
        var newer = older.Increment(N(2)).SeenBy(N(3));
        older.Merge(newer).Seen.Should().Equal(N(2), N(3));
        newer.Merge(older).Seen.Should().Equal(N(2), N(3));
    }

    [Fact]
    public void Merging_the_same_version_unions_seen_sets()
    {
        var g = GossipOf(M(1, MemberStatus.Up, 1)).Increment(N(1));
        g.SeenBy(N(2)).Merge(g.SeenBy(N(3))).Seen.Should().Equal(N(1), N(2), N(3));
    }
}
