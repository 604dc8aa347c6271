using System.Collections.Immutable;

namespace IotActors.Cluster.Membership;

/// <summary>Consistent ring of nodes (address order) deciding who heartbeats whom: each node is monitored by up to N ring neighbours.</summary>
public sealed class HeartbeatRing
{
    /// <summary>The default number of monitors per node.</summary>
    public const int DefaultMonitoredBy = 5;

    private readonly ImmutableArray<UniqueAddress> _ring;
    private readonly ImmutableHashSet<UniqueAddress> _unreachable;
    private readonly int _monitoredBy;

    /// <summary>Creates the ring from the nodes; <paramref name="unreachable"/> nodes are skipped over so that enough reachable ones are monitored.</summary>
    public HeartbeatRing(IEnumerable<UniqueAddress> nodes, IEnumerable<UniqueAddress>? unreachable = null, int monitoredBy = DefaultMonitoredBy)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(monitoredBy, 1);
        _ring = [.. nodes.Distinct().Order()];
        _unreachable = (unreachable ?? []).ToImmutableHashSet();
        _monitoredBy = monitoredBy;
    }

    /// <summary>The nodes in ring order.</summary>
    public ImmutableArray<UniqueAddress> Nodes => _ring;

    /// <summary>
    /// The nodes <paramref name="sender"/> sends heartbeats to: the next nodes clockwise until
    /// <c>monitoredBy</c> reachable ones are included (unreachable ones met on the way are kept too).
    /// </summary>
    public ImmutableSortedSet<UniqueAddress> Receivers(UniqueAddress sender)
    {
        var start = _ring.IndexOf(sender);
        var result = ImmutableSortedSet.CreateBuilder<UniqueAddress>();
        var reachableCount = 0;
        for (var i = 1; i < _ring.Length && reachableCount < _monitoredBy; i++)
        {
            var node = _ring[((start < 0 ? -1 : start) + i + _ring.Length) % _ring.Length];
            if (node.Equals(sender))
            {
                continue;
            }

            result.Add(node);
            if (!_unreachable.Contains(node))
            {
                reachableCount++;
            }
        }

        return result.ToImmutable();
    }

    /// <summary>The nodes that send heartbeats to (monitor) <paramref name="subject"/>.</summary>
    public ImmutableSortedSet<UniqueAddress> Monitors(UniqueAddress subject) =>
        _ring.Where(n => !n.Equals(subject) && Receivers(n).Contains(subject)).ToImmutableSortedSet();
}
