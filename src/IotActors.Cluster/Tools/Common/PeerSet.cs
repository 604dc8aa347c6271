using IotActors.Cluster.Membership;

namespace IotActors.Cluster.Tools.Common;

/// <summary>The other members the cluster tools gossip with, kept from cluster events; actor thread only.</summary>
/// <remarks>
/// Peers are keyed by address (<c>iot://system@host:port</c>): a member that comes back with a new incarnation replaces
/// the old one (reported as Removed then Added), and a late MemberRemoved for the old incarnation is ignored.
/// Up, Leaving and Exiting members are peers; Down and unreachable members are peers that are not reachable. When this node
/// comes back as a new incarnation (it downed itself, e.g. on the minority side of a partition, and rejoined), what it knew
/// about reachability is stale: every peer counts as reachable again until the new membership says otherwise.
/// </remarks>
internal sealed class PeerSet
{
    private readonly Dictionary<string, UniqueAddress> _peers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _unreachable = new(StringComparer.Ordinal);
    private long? _selfIncarnation;

    /// <summary>Creates an empty set for the node at <paramref name="selfAddress"/> (<c>iot://system@host:port</c>).</summary>
    public PeerSet(string selfAddress) => SelfAddress = selfAddress;

    /// <summary>This node's address; events about it are ignored.</summary>
    public string SelfAddress { get; }

    /// <summary>Every peer address, reachable or not.</summary>
    public IReadOnlyCollection<string> All => _peers.Keys;

    /// <summary>Peer addresses that are reachable, in ordinal order.</summary>
    public IReadOnlyList<string> Reachable => [.. _peers.Keys.Where(p => !_unreachable.Contains(p)).Order(StringComparer.Ordinal)];

    /// <summary>Whether <paramref name="address"/> is a current peer (or this node).</summary>
    public bool IsKnown(string address) => address == SelfAddress || _peers.ContainsKey(address);

    /// <summary>Whether <paramref name="address"/> is this node or a reachable peer.</summary>
    public bool IsReachable(string address) => address == SelfAddress || (_peers.ContainsKey(address) && !_unreachable.Contains(address));

    /// <summary>The current incarnation of the peer at <paramref name="address"/>, if any.</summary>
    public UniqueAddress? Get(string address) => _peers.GetValueOrDefault(address);

    /// <summary>Applies a cluster event or snapshot; returns what changed (empty for events that do not matter).</summary>
    public IReadOnlyList<PeerChange> Apply(object clusterEvent)
    {
        var changes = new List<PeerChange>();
        var self = clusterEvent switch
        {
            CurrentClusterState s => s.Self,
            MemberEvent { Member.Address: var a } when a.Address == SelfAddress => a,
            _ => null,
        };
        if (self is not null)
        {
            if (_selfIncarnation is { } known && known != self.Incarnation)
            {
                foreach (var peer in _unreachable.ToList())
                {
                    SetUnreachable(_peers[peer], false, changes);
                }
            }

            _selfIncarnation = self.Incarnation;
        }

        switch (clusterEvent)
        {
            case CurrentClusterState state:
                ApplySnapshot(state, changes);
                break;
            case MemberUp or MemberLeft or MemberExited:
                Add(((MemberEvent)clusterEvent).Member.Address, changes);
                break;
            case MemberDowned d:
                SetUnreachable(d.Member.Address, true, changes);
                break;
            case UnreachableMember u:
                SetUnreachable(u.Member.Address, true, changes);
                break;
            case ReachableMember r:
                SetUnreachable(r.Member.Address, false, changes);
                break;
            case MemberRemoved removed:
                Remove(removed.Member.Address, changes);
                break;
        }

        return changes;
    }

    private void ApplySnapshot(CurrentClusterState state, List<PeerChange> changes)
    {
        var live = state.Members
            .Where(m => m.Status is MemberStatus.Up or MemberStatus.Leaving or MemberStatus.Exiting or MemberStatus.Down)
            .Select(m => m.Address)
            .Where(a => a.Address != SelfAddress)
            .ToList();
        foreach (var gone in _peers.Values.Where(p => !live.Contains(p)).ToList())
        {
            Remove(gone, changes);
        }

        foreach (var member in state.Members.Where(m => live.Contains(m.Address)))
        {
            Add(member.Address, changes);
            SetUnreachable(member.Address, member.Status == MemberStatus.Down || state.IsUnreachable(member.Address), changes);
        }
    }

    private void Add(UniqueAddress peer, List<PeerChange> changes)
    {
        if (peer.Address == SelfAddress)
        {
            return;
        }

        if (_peers.TryGetValue(peer.Address, out var existing))
        {
            if (existing.Incarnation == peer.Incarnation)
            {
                return;
            }

            Remove(existing, changes);
        }

        _peers[peer.Address] = peer;
        changes.Add(new PeerChange(PeerChangeKind.Added, peer));
    }

    private void Remove(UniqueAddress peer, List<PeerChange> changes)
    {
        if (!_peers.TryGetValue(peer.Address, out var existing) || existing.Incarnation != peer.Incarnation)
        {
            return;
        }

        _peers.Remove(peer.Address);
        _unreachable.Remove(peer.Address);
        changes.Add(new PeerChange(PeerChangeKind.Removed, peer));
    }

    private void SetUnreachable(UniqueAddress peer, bool unreachable, List<PeerChange> changes)
    {
        if (!_peers.TryGetValue(peer.Address, out var existing) || existing.Incarnation != peer.Incarnation)
        {
            return;
        }

        var changed = unreachable ? _unreachable.Add(peer.Address) : _unreachable.Remove(peer.Address);
        if (changed)
        {
            changes.Add(new PeerChange(PeerChangeKind.Reachability, peer));
        }
    }
}
