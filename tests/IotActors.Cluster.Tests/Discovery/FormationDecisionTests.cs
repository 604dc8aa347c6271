using IotActors.Cluster.Discovery;
using static IotActors.Cluster.Tests.Nodes;

namespace IotActors.Cluster.Tests.Discovery;

public sealed class FormationDecisionTests
{
    private static readonly Guid ClusterA = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid ClusterB = Guid.Parse("00000000-0000-0000-0000-00000000000b");

    [Fact]
    public void Only_the_lowest_address_forms_and_only_when_stable()
    {
        HeardNode[] heard = [new(N(2), null), new(N(3), null)];
        FormationDecision.Decide(N(1), heard, stable: false).Should().Be(FormationAction.Wait);
        FormationDecision.Decide(N(1), heard, stable: true).Should().Be(FormationAction.Form);
        FormationDecision.Decide(N(2), [new(N(1), null), new(N(3), null)], stable: true).Should().Be(FormationAction.Wait);
    }

    [Fact]
    public void Alone_node_forms_after_stable_period()
    {
        FormationDecision.Decide(N(5), [], stable: true).Should().Be(FormationAction.Form);
    }

    [Fact]
    public void Non_member_joins_an_existing_cluster_through_its_lowest_member()
    {
        HeardNode[] heard = [new(N(1), null), new(N(4), ClusterA), new(N(3), ClusterA)];
        FormationDecision.Decide(N(2), heard, stable: false)
            .Should().Be(new FormationAction(FormationKind.Join, N(3), ClusterA));
    }

    [Fact]
    public void Larger_cluster_incarnation_wins_then_lowest_address()
    {
        HeardNode[] heard = [new(N(1), ClusterB), new(N(3), ClusterA), new(N(4), ClusterA)];
        FormationDecision.Decide(N(9), heard, stable: true).Seed.Should().Be(N(3));
        HeardNode[] tie = [new(N(2), ClusterB), new(N(3), ClusterA)];
        FormationDecision.Decide(N(9), tie, stable: true).ClusterIncarnation.Should().Be(ClusterB);
    }

    [Fact]
    public void Own_beacon_heard_back_is_ignored()
    {
        FormationDecision.Decide(N(2), [new(N(2), null), new(N(3), null)], stable: true).Should().Be(FormationAction.Form);
    }
}
