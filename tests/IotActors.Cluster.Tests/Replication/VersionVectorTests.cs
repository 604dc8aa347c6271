using IotActors.Cluster.Replication;

namespace IotActors.Cluster.Tests.Replication;

public sealed class VersionVectorTests
{
    [Fact]
    public void Compare_reports_same_before_after_and_concurrent()
    {
        var a = VersionVector.Empty.Increment("a");
        var ab = a.Increment("b");
        var ac = a.Increment("c");
        a.CompareTo(a).Should().Be(VersionOrdering.Same);
        a.CompareTo(ab).Should().Be(VersionOrdering.Before);
        ab.CompareTo(a).Should().Be(VersionOrdering.After);
        ab.CompareTo(ac).Should().Be(VersionOrdering.Concurrent);
        ab.Merge(ac).Should().Be(VersionVector.From([KeyValuePair.Create("a", 1L), KeyValuePair.Create("b", 1L), KeyValuePair.Create("c", 1L)]));
    }

    [Fact]
    public void Zero_entries_equal_missing_ones_and_negative_is_refused()
    {
        VersionVector.From([KeyValuePair.Create("a", 0L)]).Should().Be(VersionVector.Empty);
        var act = () => VersionVector.From([KeyValuePair.Create("a", -1L)]);
        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
