namespace IotActors.Remote;

/// <summary>One incarnation of a peer as seen by refs: bound to the first incarnation heard, quarantined when a new one appears.</summary>
internal sealed class RemoteNode(NodeAddress address)
{
    private long _incarnation;
    private int _quarantined;

    public NodeAddress Address => address;

    /// <summary>The peer incarnation this node stands for, 0 until the first link.</summary>
    public long Incarnation => Interlocked.Read(ref _incarnation);

    public bool IsQuarantined => Volatile.Read(ref _quarantined) != 0;

    /// <summary>Binds the incarnation if none is bound yet; returns whether the node stands for <paramref name="incarnation"/>.</summary>
    public bool Bind(long incarnation)
    {
        long current = Interlocked.CompareExchange(ref _incarnation, incarnation, 0);
        return current == 0 || current == incarnation;
    }

    /// <summary>Marks the incarnation gone; returns true the first time.</summary>
    public bool Quarantine() => Interlocked.Exchange(ref _quarantined, 1) == 0;
}
