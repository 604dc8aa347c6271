using System.Collections.Immutable;
using IotActors.Cluster.Membership;
using IotActors.Cluster.Tools.Common;

namespace IotActors.Cluster.Tests.Tools;

/// <summary>How cluster events change the peers the tools gossip with.</summary>
public sealed class PeerSetTests
{
    private static readonly UniqueAddress Self = new("s", "127.0.0.1", 1, 1);

    private static Member Up(int port, long incarnation = 1) =>
        new(new UniqueAddress("s", "127.0.0.1", port, incarnation), MemberStatus.Up, ImmutableSortedSet<string>.Empty, 1);

    [Fact]
    public void MemberUp_adds_a_peer_and_events_about_self_are_ignored()
    {
        var peers = new PeerSet(Self.Address);
        peers.Apply(new MemberUp(Up(2))).Should().ContainSingle(c => c.Kind == PeerChangeKind.Added);
        peers.Apply(new MemberUp(new Member(Self, MemberStatus.Up, [], 1))).Should().BeEmpty();
        peers.Reachable.Should().Equal("iot://s@127.0.0.1:2");
    }

    [Fact]
    public void Unreachable_peers_are_kept_but_not_reachable_until_reachable_again()
    {
        var peers = new PeerSet(Self.Address);
        peers.Apply(new MemberUp(Up(2)));
        peers.Apply(new UnreachableMember(Up(2)));
        peers.Reachable.Should().BeEmpty();
        peers.IsKnown("iot://s@127.0.0.1:2").Should().BeTrue();
        peers.Apply(new ReachableMember(Up(2)));
        peers.IsReachable("iot://s@127.0.0.1:2").Should().BeTrue();
    }

    [Fact]
    public void When_this_node_rejoins_as_a_new_incarnation_peers_it_had_marked_unreachable_are_reachable_again()
    {
        var peers = new PeerSet(Self.Address);
        peers.Apply(new MemberUp(new Member(Self, MemberStatus.Up, [], 1)));
        peers.Apply(new MemberUp(Up(2)));
        peers.Apply(new UnreachableMember(Up(2)));
        peers.Reachable.Should().BeEmpty();

        // Downed on the minority side, back as uid 2: the majority's members come Up again with their old incarnations.
        var changes = peers.Apply(new MemberJoined(new Member(Self with { Incarnation = 2 }, MemberStatus.Joining, [], 1)));
        peers.Apply(new MemberUp(Up(2)));

        changes.Should().ContainSingle(c => c.Kind == PeerChangeKind.Reachability && c.Peer.Port == 2);
        peers.Reachable.Should().Equal("iot://s@127.0.0.1:2");
    }

    [Fact]
    public void A_new_incarnation_replaces_the_old_one_and_a_late_removal_of_the_old_one_is_ignored()
    {
        var peers = new PeerSet(Self.Address);
        peers.Apply(new MemberUp(Up(2, 1)));

        peers.Apply(new MemberUp(Up(2, 2))).Select(c => c.Kind).Should().Equal(PeerChangeKind.Removed, PeerChangeKind.Added);
        peers.Apply(new MemberRemoved(Up(2, 1).WithStatus(MemberStatus.Removed), MemberStatus.Down)).Should().BeEmpty();

        peers.Get("iot://s@127.0.0.1:2")!.Incarnation.Should().Be(2);
    }

    [Fact]
    public void A_snapshot_removes_missing_peers_and_marks_unreachable_ones()
    {
        var peers = new PeerSet(Self.Address);
        peers.Apply(new MemberUp(Up(2)));
        var state = new CurrentClusterState(Self, [Up(3)], [Up(3).Address], null, null);

        var changes = peers.Apply(state);

        changes.Select(c => (c.Kind, c.Peer.Port)).Should().Equal((PeerChangeKind.Removed, 2), (PeerChangeKind.Added, 3), (PeerChangeKind.Reachability, 3));
        peers.Reachable.Should().BeEmpty();
    }
}
