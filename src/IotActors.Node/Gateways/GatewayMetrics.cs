namespace IotActors.Node.Gateways;

/// <summary>Counters of one gateway (for <c>/metrics</c>); every increment is lock-free.</summary>
public sealed class GatewayMetrics(string name)
{
    private static readonly RejectReason[] Reasons = Enum.GetValues<RejectReason>();
    private readonly long[] _rejected = new long[Reasons.Length];
    private long _received, _readings, _hellos, _connections, _connectionsRefused, _idleTimeouts;

    /// <summary>The gateway's name, e.g. <c>udp</c> or <c>tcp</c>.</summary>
    public string Name { get; } = name;

    /// <summary>Datagrams or lines received.</summary>
    public long Received => Interlocked.Read(ref _received);

    /// <summary>Readings accepted and handed to the sink.</summary>
    public long Readings => Interlocked.Read(ref _readings);

    /// <summary>Hello announcements accepted.</summary>
    public long Hellos => Interlocked.Read(ref _hellos);

    /// <summary>TCP connections accepted.</summary>
    public long Connections => Interlocked.Read(ref _connections);

    /// <summary>TCP connections refused because the connection limit was reached.</summary>
    public long ConnectionsRefused => Interlocked.Read(ref _connectionsRefused);

    /// <summary>TCP connections closed for being idle.</summary>
    public long IdleTimeouts => Interlocked.Read(ref _idleTimeouts);

    /// <summary>All rejections together.</summary>
    public long RejectedTotal => _rejected.Sum(r => Interlocked.Read(ref r));

    /// <summary>Rejections for one reason.</summary>
    public long Rejected(RejectReason reason) => Interlocked.Read(ref _rejected[(int)reason]);

    internal void CountReceived() => Interlocked.Increment(ref _received);
    internal void CountReading() => Interlocked.Increment(ref _readings);
    internal void CountHello() => Interlocked.Increment(ref _hellos);
    internal void CountConnection() => Interlocked.Increment(ref _connections);
    internal void CountConnectionRefused() => Interlocked.Increment(ref _connectionsRefused);
    internal void CountIdleTimeout() => Interlocked.Increment(ref _idleTimeouts);
    internal void CountRejected(RejectReason reason) => Interlocked.Increment(ref _rejected[(int)reason]);

    /// <summary>Every counter by metric name, e.g. <c>gateway_udp_rejected_malformed</c>.</summary>
    public IReadOnlyDictionary<string, long> Snapshot()
    {
        var result = new SortedDictionary<string, long>(StringComparer.Ordinal)
        {
            [$"gateway_{Name}_received"] = Received,
            [$"gateway_{Name}_readings"] = Readings,
            [$"gateway_{Name}_hellos"] = Hellos,
            [$"gateway_{Name}_connections"] = Connections,
            [$"gateway_{Name}_connections_refused"] = ConnectionsRefused,
            [$"gateway_{Name}_idle_timeouts"] = IdleTimeouts,
        };
        foreach (RejectReason reason in Reasons)
        {
            result[$"gateway_{Name}_rejected_{RejectReasons.WireName(reason).Replace('-', '_')}"] = Rejected(reason);
        }
        return result;
    }
}
