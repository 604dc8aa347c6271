using IotActors.Cluster.Membership;
using IotActors.Cluster.Wire;

namespace IotActors.Cluster.Tests.Membership;

public sealed class GossipCodecTests
{
    [Fact]
    public void Encode_then_decode_gives_back_the_same_gossip_and_cluster_id()
    {
        var g = Nodes.GossipOf(Nodes.M(1, MemberStatus.Up, 1), Nodes.M(2, MemberStatus.Joining), Nodes.M(3, MemberStatus.Removed, 2))
            .Increment(Nodes.N(1)).Increment(Nodes.N(2)).SeenBy(Nodes.N(2));
        g = g.WithReachability(g.Reachability.Unreachable(Nodes.N(1), Nodes.N(2)).Unreachable(Nodes.N(4), Nodes.N(1)));
        var id = Guid.NewGuid();

        var wire = GossipCodec.Encode(g, id);
        var back = GossipCodec.Decode(wire);

        back.Should().Be(g);
        wire.ClusterId.Should().Be(id);
        GossipCodec.Digest(back.Version, back.Seen).Should().Be(GossipCodec.Digest(g.Version, g.Seen));
    }

    [Fact]
    public void Decode_rejects_an_out_of_range_node_index_an_unknown_status_and_negative_versions()
    {
        var wire = GossipCodec.Encode(Nodes.GossipOf(Nodes.M(1, MemberStatus.Up)).Increment(Nodes.N(1)), Guid.NewGuid());

        FluentActions.Invoking(() => GossipCodec.Decode(wire with { Seen = [5] })).Should().Throw<FormatException>().WithMessage("*index 5*");
        FluentActions.Invoking(() => GossipCodec.Decode(wire with { Members = [new WireMember(0, (MemberStatus)42, [], 0)] }))
            .Should().Throw<FormatException>().WithMessage("*status 42*");
        FluentActions.Invoking(() => GossipCodec.Decode(wire with { Version = new Dictionary<string, long> { ["x"] = -1 } }))
            .Should().Throw<FormatException>();
    }

    [Fact]
    public void Digest_differs_when_only_the_seen_set_differs()
    {
        var g = Nodes.GossipOf(Nodes.M(1, MemberStatus.Up), Nodes.M(2, MemberStatus.Up)).Increment(Nodes.N(1));
        GossipCodec.Digest(g.Version, g.Seen).Should().NotBe(GossipCodec.Digest(g.Version, g.SeenBy(Nodes.N(2)).Seen));
    }
}
