using System.Collections.Concurrent;

namespace IotActors.Node.Gateways;

/// <summary>The simple peers this node's gateways have heard from, with discovery time, last seen and liveness.</summary>
/// <remarks>Thread-safe; gateways update it from their receive loops.</remarks>
public sealed class RemotePeerRegistry(TimeProvider time, TimeSpan livenessTimeout)
{
    private readonly ConcurrentDictionary<string, RemotePeer> _peers = new(StringComparer.Ordinal);

    /// <summary>How long a peer counts as alive after it was last heard.</summary>
    public TimeSpan LivenessTimeout { get; } = livenessTimeout;

    /// <summary>Raised once per peer when it is first heard.</summary>
    public event Action<RemotePeer>? PeerDiscovered;

    /// <summary>Number of peers ever heard since start.</summary>
    public int Count => _peers.Count;

    /// <summary>Records that <paramref name="deviceId"/> was heard from <paramref name="source"/>; <paramref name="hello"/> marks an announcement.</summary>
    public RemotePeer Touch(string deviceId, string source, bool hello)
    {
        DateTimeOffset now = time.GetUtcNow();
        bool added = false;
        RemotePeer peer = _peers.AddOrUpdate(
            deviceId,
            id =>
            {
                added = true;
                return new RemotePeer(id, source, now, now, hello);
            },
            (_, old) => old with { Source = source, LastSeen = now, Announced = old.Announced || hello });
        if (added) PeerDiscovered?.Invoke(peer);
        return peer;
    }

    /// <summary>The peer with this id, or null.</summary>
    public RemotePeer? Find(string deviceId) => _peers.TryGetValue(deviceId, out var peer) ? peer : null;

    /// <summary>True when the peer is known and was heard within the liveness timeout.</summary>
    public bool IsAlive(string deviceId) => Find(deviceId) is { } peer && peer.IsAlive(time.GetUtcNow(), LivenessTimeout);

    /// <summary>A snapshot of every known peer, ordered by id.</summary>
    public IReadOnlyList<RemotePeer> Snapshot() => _peers.Values.OrderBy(p => p.DeviceId, StringComparer.Ordinal).ToArray();
}
