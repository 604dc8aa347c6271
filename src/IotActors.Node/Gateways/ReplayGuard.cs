namespace IotActors.Node.Gateways;

/// <summary>Rejects replayed signed datagrams: a timestamp window plus a nonce cache, or a per-device counter for peers without a clock.</summary>
/// <remarks>Thread-safe. Call only after the signature was verified, so forged datagrams cannot fill the cache.</remarks>
internal sealed class ReplayGuard(TimeProvider time, TimeSpan window, int capacity)
{
    private readonly HashSet<string> _nonces = new(StringComparer.Ordinal);
    private readonly Queue<(DateTimeOffset Expiry, string Nonce)> _expiries = new();
    private readonly Dictionary<string, long> _counters = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Null when fresh (and records it), else why not.</summary>
    public RejectReason? Check(string deviceId, long? ts, string? nonce, long? ctr)
    {
        lock (_gate)
        {
            return ctr is { } counter ? CheckCounter(deviceId, counter) : CheckNonce(ts, nonce);
        }
    }

    private RejectReason? CheckCounter(string deviceId, long counter)
    {
        if (_counters.TryGetValue(deviceId, out long last) && counter <= last) return RejectReason.Replayed;
        if (!_counters.ContainsKey(deviceId) && _counters.Count >= capacity) return RejectReason.ReplayCacheFull;
        _counters[deviceId] = counter;
        return null;
    }

    private RejectReason? CheckNonce(long? ts, string? nonce)
    {
        if (ts is null || nonce is null) return RejectReason.MissingField;
        DateTimeOffset now = time.GetUtcNow();
        DateTimeOffset sent;
        try { sent = DateTimeOffset.FromUnixTimeSeconds(ts.Value); }
        catch (ArgumentOutOfRangeException) { return RejectReason.StaleTimestamp; }
        if ((now - sent).Duration() > window) return RejectReason.StaleTimestamp;

        while (_expiries.Count > 0 && _expiries.Peek().Expiry <= now) _nonces.Remove(_expiries.Dequeue().Nonce);
        if (_nonces.Contains(nonce)) return RejectReason.Replayed;
        if (_nonces.Count >= capacity) return RejectReason.ReplayCacheFull;
        // A timestamp up to one window ahead stays acceptable until sent + window <= now + 2 * window.
        _nonces.Add(nonce);
        _expiries.Enqueue((now + window + window, nonce));
        return null;
    }
}
