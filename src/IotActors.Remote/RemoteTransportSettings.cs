namespace IotActors.Remote;

/// <summary>Settings of a node's remote transport (HOCON section <c>iotactors.remote</c>).</summary>
public sealed record RemoteTransportSettings(string SystemName, string ClusterName)
{
    /// <summary>Address to bind and to advertise to peers.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>TCP port to listen on; 0 picks a free port.</summary>
    public int Port { get; init; } = 4053;

    /// <summary>Roles this node declares in its handshake.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>TLS on links; turning it off keeps the HMAC handshake but loses confidentiality and MITM detection (benchmarks only).</summary>
    public bool TlsEnabled { get; init; } = true;

    /// <summary>Largest frame accepted or sent, in bytes.</summary>
    public int MaxFrameSize { get; init; } = 256 * 1024;

    /// <summary>User messages queued per peer before the oldest is dropped.</summary>
    public int OutboundQueueCapacity { get; init; } = 10_000;

    /// <summary>Deadline for TCP connect, TLS and the authentication handshake.</summary>
    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Interval between link heartbeats.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Phi above which a peer is reported unreachable.</summary>
    public double PhiThreshold { get; init; } = 8.0;

    /// <summary>Extra silence tolerated before phi rises (GC pauses, busy Pis).</summary>
    public TimeSpan AcceptableHeartbeatPause { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Lower bound on the heartbeat interval standard deviation used by phi.</summary>
    public TimeSpan MinStdDeviation { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>First reconnect delay; doubles per failed attempt.</summary>
    public TimeSpan ReconnectMinBackoff { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Largest reconnect delay.</summary>
    public TimeSpan ReconnectMaxBackoff { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Bytes coalesced into one socket write at most.</summary>
    public int WriteBatchBytes { get; init; } = 64 * 1024;

    /// <summary>Test-only fault injection: every outbound write batch waits a random time in [min, max] first; null (default) adds nothing.</summary>
    public (TimeSpan Min, TimeSpan Max)? FaultInjectionDelay { get; init; }

    /// <summary>Fixed incarnation id (tests); null draws a random one per start.</summary>
    public long? IncarnationId { get; init; }
}
