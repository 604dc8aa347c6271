using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using IotActors.Cluster.Replication;

namespace IotActors.Cluster.Tests.Replication;

public sealed class LwwMapTests
{
    private static readonly Gen<LwwMap> MapGen =
        from ops in Gen.ListOf(
            from node in Gen.Elements("a", "b", "c")
            from key in Gen.Elements("k1", "k2", "k3")
            from value in Gen.Choose(0, 3)
            from mark in Gen.Elements(false, false, false, true)
            from jump in Gen.Choose(0, 2)
            select (node, key, value, mark, jump))
        select ops.Aggregate(LwwMap.Empty, (m, op) =>
        {
            // Jumps of the clock (merging a map with a higher clock) make concurrent writes with equal clocks likely.
            var withClock = op.jump == 0 ? m : m.Merge(ClockOnly(m.Clock + op.jump));
            var updated = withClock.Update(op.node, op.key, op.value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return op.mark ? updated.MarkOwnerRemoved(op.node) : updated;
        });

    private static readonly Gen<Func<LwwMap, LwwMap>> ContinuationGen =
        from writes in Gen.ListOf(
            from node in Gen.Elements("a", "b")
            from key in Gen.Elements("k1", "k2")
            from value in Gen.Choose(0, 3)
            select (node, key, value), 3)
        select (Func<LwwMap, LwwMap>)(m => writes.Aggregate(m, (acc, w) => acc.Update(w.node, w.key, $"{w.value}")));

    /// <summary>Replicas forked from a common base: concurrent writes with equal versions and different values are frequent.</summary>
    private static readonly Gen<(LwwMap a, LwwMap b, LwwMap c)> ForkGen =
        from common in MapGen
        from fa in ContinuationGen
        from fb in ContinuationGen
        from fc in ContinuationGen
        from other in MapGen
        from useOther in Gen.Elements(false, true)
        select (fa(common), fb(common), useOther ? other : fc(common));

    private static LwwMap ClockOnly(long clock)
    {
        var m = LwwMap.Empty;
        for (var i = 0; i < clock; i++)
        {
            m = m.Update("z", "clock-only", "0");
        }

        return m.DeltaSince(VersionVector.From([KeyValuePair.Create("z", clock)]));
    }

    [Fact]
    public void Merge_is_commutative() =>
        Check.QuickThrowOnFailure(Prop.ForAll(Arb.From(ForkGen), t => t.a.Merge(t.b).Equals(t.b.Merge(t.a)) && t.a.Merge(t.c).Equals(t.c.Merge(t.a))));

    [Fact]
    public void Merge_is_associative() =>
        Check.QuickThrowOnFailure(Prop.ForAll(
            Arb.From(ForkGen),
            t => t.a.Merge(t.b).Merge(t.c).Equals(t.a.Merge(t.b.Merge(t.c)))));

    [Fact]
    public void Merge_is_idempotent() =>
        Check.QuickThrowOnFailure(Prop.ForAll(Arb.From(MapGen), m => m.Merge(m).Equals(m)));

    [Fact]
    public void Delta_since_a_stale_copy_brings_it_up_to_date() =>
        Check.QuickThrowOnFailure(Prop.ForAll(Arb.From(Gen.Zip(MapGen, Gen.Choose(1, 5))), p =>
        {
            var stale = p.Item1;
            var current = Enumerable.Range(0, p.Item2).Aggregate(stale, (m, i) => m.Update(i % 2 == 0 ? "a" : "b", $"k{i % 3}", $"{i}"));
            return stale.Merge(current.DeltaSince(stale.VersionVector)).Entries.SequenceEqual(current.Entries);
        }));

    [Fact]
    public void Later_write_wins_and_equal_clocks_tie_break_by_node()
    {
        var m = LwwMap.Empty.Update("b", "t", "1").Update("a", "t", "2");
        m.Entries["t"].ValueJson.Should().Be("2", "clock 2 beats clock 1 whatever the node name");

        var left = LwwMap.Empty.Update("a", "t", "\"from a\"");
        var right = LwwMap.Empty.Update("b", "t", "\"from b\"");
        left.Merge(right).Entries["t"].Should().Be(new LwwEntry("\"from b\"", new LwwVersion(1, "b"), false));
        right.Merge(left).Should().Be(left.Merge(right));
    }

    [Fact]
    public void Write_after_merge_beats_everything_seen_even_with_an_early_node_name()
    {
        var far = Enumerable.Range(0, 10).Aggregate(LwwMap.Empty, (m, i) => m.Update("z", "t", $"{i}"));
        var local = LwwMap.Empty.Merge(far).Update("a", "t", "\"mine\"");
        local.Entries["t"].Version.Should().Be(new LwwVersion(11, "a"));
        far.Merge(local).Entries["t"].ValueJson.Should().Be("\"mine\"");
    }

    [Fact]
    public void Owner_removed_entries_are_marked_not_dropped_and_a_new_write_clears_the_mark()
    {
        var m = LwwMap.Empty.Update("a", "fan", "true").Update("b", "lamp", "false").MarkOwnerRemoved("a");
        m.Entries["fan"].OwnerRemoved.Should().BeTrue();
        m.Entries["lamp"].OwnerRemoved.Should().BeFalse();
        m.Update("b", "fan", "false").Entries["fan"].Should().Be(new LwwEntry("false", new LwwVersion(3, "b"), false));
        LwwMap.Empty.Update("a", "fan", "true").Merge(m).Entries["fan"].OwnerRemoved.Should().BeTrue("the mark survives a merge");
    }

    [Fact]
    public void Version_vector_and_delta_select_only_newer_entries()
    {
        var m = LwwMap.Empty.Update("a", "x", "1").Update("b", "y", "2").Update("a", "z", "3");
        m.VersionVector.Should().Be(VersionVector.From([KeyValuePair.Create("a", 3L), KeyValuePair.Create("b", 2L)]));
        m.DeltaSince(VersionVector.From([KeyValuePair.Create("a", 1L), KeyValuePair.Create("b", 2L)])).Entries.Keys.Should().Equal("z");
    }

    [Fact]
    public void Invalid_json_is_refused_and_json_element_is_accepted()
    {
        var act = () => LwwMap.Empty.Update("a", "k", "{not json");
        act.Should().Throw<InvalidJsonValueException>().Which.Key.Should().Be("k");
        using var doc = JsonDocument.Parse("{\"t\": 24.5}");
        LwwMap.Empty.Update("a", "k", doc.RootElement).Entries["k"].ValueJson.Should().Be("{\"t\": 24.5}");
    }
}
