namespace IotActors.Node.Gateways;

/// <summary>Decides when a rejection may be logged: at most one line per source per interval, counting what was suppressed.</summary>
/// <remarks>Thread-safe; remembers at most <c>maxSources</c> sources (the oldest entries are forgotten first).</remarks>
internal sealed class RejectLogThrottle(TimeProvider time, TimeSpan interval, int maxSources = 10_000)
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>True when a line may be written now; <paramref name="suppressed"/> is how many were skipped since the last line.</summary>
    public bool ShouldLog(string source, out long suppressed)
    {
        DateTimeOffset now = time.GetUtcNow();
        lock (_gate)
        {
            if (_entries.TryGetValue(source, out Entry? entry) && now - entry.LastLogged < interval)
            {
                entry.Suppressed++;
                suppressed = 0;
                return false;
            }
            suppressed = entry?.Suppressed ?? 0;
            if (entry is null && _entries.Count >= maxSources)
            {
                foreach (var old in _entries.Where(e => now - e.Value.LastLogged >= interval).Select(e => e.Key).ToArray()) _entries.Remove(old);
                if (_entries.Count >= maxSources) _entries.Remove(_entries.MinBy(e => e.Value.LastLogged).Key);
            }
            _entries[source] = new Entry { LastLogged = now };
            return true;
        }
    }

    private sealed class Entry
    {
        public DateTimeOffset LastLogged;
        public long Suppressed;
    }
}
