using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using IotActors.Cluster.Tools.Common;

namespace IotActors.Cluster.Tests.Tools;

/// <summary>The per-node bucket table behind pub-sub and the registry.</summary>
public sealed class BucketTableTests
{
    private static readonly string[] Owners = ["a", "b", "c"];

    private static Bucket<string> B(string owner, long version, params (string Key, string[] Values)[] content) =>
        new(owner, version, content.ToImmutableSortedDictionary(c => c.Key, c => c.Values.ToImmutableArray(), StringComparer.Ordinal));

    private static Gen<Bucket<string>> BucketGen =>
        from owner in Gen.Elements(Owners)
        from version in Gen.Choose(1, 5)
        from keys in Gen.SubListOf(new[] { "t1", "t2", "t3" })
        select B(owner, version, [.. keys.Select(k => (k, new[] { $"{owner}{version}{k}" }))]);

    private static string Snapshot(BucketTable<string> t) =>
        string.Join(";", t.Buckets.OrderBy(b => b.Owner, StringComparer.Ordinal)
            .Select(b => $"{b.Owner}@{b.Version}:{string.Join(",", b.Content.Select(c => c.Key + "=" + string.Join("|", c.Value)))}"));

    private static BucketTable<string> Apply(IEnumerable<Bucket<string>> buckets)
    {
        var t = new BucketTable<string>("self");
        t.Merge(buckets, _ => true);
        return t;
    }

    [Fact]
    public void Merge_result_does_not_depend_on_order_grouping_or_repetition_when_versions_are_unique()
    {
        var gen = Gen.ListOf(BucketGen).Select(l => l.GroupBy(b => (b.Owner, b.Version)).Select(g => g.First()).ToList());
        Prop.ForAll(gen.ToArbitrary(), buckets =>
        {
            var forward = Snapshot(Apply(buckets));
            var reversed = Snapshot(Apply(Enumerable.Reverse(buckets)));
            var twice = Snapshot(Apply(buckets.Concat(buckets)));
            var half = buckets.Count / 2;
            var grouped = Apply(buckets.Take(half));
            grouped.Merge(Apply(buckets.Skip(half)).Buckets, _ => true);
            return forward == reversed && forward == twice && forward == Snapshot(grouped);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Delta_holds_exactly_the_newer_buckets_and_applying_it_equalises_versions()
    {
        var mine = new BucketTable<string>("a");
        mine.SetOwn(B("a", 0, ("t", ["x"])).Content, 10);
        mine.Merge([B("b", 3, ("t", ["y"]))], _ => true);
        var theirs = new BucketTable<string>("c");
        theirs.Merge([B("b", 3, ("t", ["y"]))], _ => true);

        var delta = mine.DeltaFor(theirs.Versions(), _ => true);

        delta.Select(b => b.Owner).Should().BeEquivalentTo("a");
        theirs.Merge(delta, _ => true).Should().Equal("t");
        theirs.Versions()["a"].Should().Be(10);
        theirs.IsBehind(mine.Versions(), _ => true).Should().BeFalse();
    }

    [Fact]
    public void Own_bucket_is_never_overwritten_by_gossip_and_refused_owners_are_not_taken()
    {
        var t = new BucketTable<string>("a");
        t.SetOwn(B("a", 0, ("t", ["mine"])).Content, 1);

        var changed = t.Merge([B("a", 99, ("t", ["forged"])), B("gone", 5, ("t", ["z"]))], owner => owner != "gone");

        changed.Should().BeEmpty();
        t.Own["t"].Should().Equal("mine");
        t.Get("gone").Should().BeNull();
    }

    [Fact]
    public void Own_version_is_raised_above_the_floor_so_a_restarted_owner_wins_over_its_old_bucket()
    {
        var t = new BucketTable<string>("a");
        t.SetOwn(B("a", 0).Content, 1_000);
        t.SetOwn(B("a", 0, ("t", ["x"])).Content, 5);
        t.Own.Version.Should().Be(1_001);
    }

    [Fact]
    public void Removing_an_owner_returns_its_keys_and_lookups_skip_it()
    {
        var t = new BucketTable<string>("a");
        t.Merge([B("b", 1, ("t1", ["x"]), ("t2", ["y"]))], _ => true);

        t.Remove("b").Should().BeEquivalentTo("t1", "t2");
        t.Lookup("t1", _ => true).Should().BeEmpty();
        t.Remove("a").Should().BeEmpty("the own bucket cannot be removed");
    }
}
