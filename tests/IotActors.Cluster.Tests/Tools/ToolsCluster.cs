using System.Collections.Immutable;
using IotActors.Cluster.Membership;

namespace IotActors.Cluster.Tests.Tools;

/// <summary>Several <see cref="ToolsNode"/>s on loopback with a fake membership feed (what the cluster daemon would publish).</summary>
internal sealed class ToolsCluster : IAsyncDisposable
{
    private readonly List<ToolsNode> _nodes;

    private ToolsCluster(List<ToolsNode> nodes) => _nodes = nodes;

    public IReadOnlyList<ToolsNode> Nodes => _nodes;

    public ToolsNode this[int i] => _nodes[i];

    /// <summary>Starts <paramref name="count"/> nodes gossiping with one random peer every <paramref name="gossipMs"/> and pushing own changes every <paramref name="deltaMs"/>.</summary>
    public static async Task<ToolsCluster> StartAsync(int count, string prefix, int gossipMs = 50, int deltaMs = 50)
    {
        var nodes = new List<ToolsNode>();
        for (var i = 0; i < count; i++)
        {
            nodes.Add(await ToolsNode.StartAsync($"{prefix}{i}", gossipMs: gossipMs, deltaMs: deltaMs));
        }

        var cluster = new ToolsCluster(nodes);
        cluster.AnnounceAll();
        return cluster;
    }

    /// <summary>Sends every node a snapshot with every node Up.</summary>
    public void AnnounceAll()
    {
        var state = new CurrentClusterState(
            _nodes[0].Self, [.. _nodes.Select(n => n.Member)], ImmutableSortedSet<UniqueAddress>.Empty, _nodes[0].Self, Guid.Empty);
        foreach (var node in _nodes)
        {
            node.Feed(state with { Self = node.Self });
        }
    }

    /// <summary>Adds a started node: it gets the snapshot, the others a MemberUp.</summary>
    public void Add(ToolsNode node)
    {
        foreach (var other in _nodes)
        {
            other.Feed(new MemberUp(node.Member));
        }

        _nodes.Add(node);
        AnnounceAll();
    }

    /// <summary>Tells the other nodes that <paramref name="node"/> was removed, and stops it.</summary>
    public async Task RemoveAsync(ToolsNode node)
    {
        _nodes.Remove(node);
        await node.DisposeAsync();
        foreach (var other in _nodes)
        {
            other.Feed(new MemberRemoved(node.Member.WithStatus(MemberStatus.Down).WithStatus(MemberStatus.Removed), MemberStatus.Down));
        }
    }

    /// <summary>Splits the nodes: each side sees the other as unreachable.</summary>
    public void Partition(IEnumerable<ToolsNode> left, IEnumerable<ToolsNode> right) => SetReachability(left, right, reachable: false);

    /// <summary>Heals a partition made with <see cref="Partition"/>.</summary>
    public void Heal(IEnumerable<ToolsNode> left, IEnumerable<ToolsNode> right) => SetReachability(left, right, reachable: true);

    private static void SetReachability(IEnumerable<ToolsNode> left, IEnumerable<ToolsNode> right, bool reachable)
    {
        var l = left.ToList();
        var r = right.ToList();
        foreach (var (a, b) in l.SelectMany(a => r.Select(b => (a, b))))
        {
            a.Feed(reachable ? new ReachableMember(b.Member) : new UnreachableMember(b.Member));
            b.Feed(reachable ? new ReachableMember(a.Member) : new UnreachableMember(a.Member));
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }
    }
}
