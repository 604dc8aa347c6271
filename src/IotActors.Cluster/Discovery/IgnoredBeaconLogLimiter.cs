using System.Net;

namespace IotActors.Cluster.Discovery;

/// <summary>Decides whether an ignored datagram from a source should be logged: at most once per interval per source address.</summary>
internal sealed class IgnoredBeaconLogLimiter
{
    private const int MaxSources = 1024;
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly Dictionary<IPAddress, long> _lastLogged = [];
    private readonly Lock _gate = new();

    public IgnoredBeaconLogLimiter(TimeProvider time, TimeSpan interval)
    {
        _time = time;
        _interval = interval;
    }

    /// <summary>Returns true if a line for <paramref name="source"/> may be logged now (and records it).</summary>
    public bool ShouldLog(IPAddress source)
    {
        var now = _time.GetTimestamp();
        lock (_gate)
        {
            if (_lastLogged.TryGetValue(source, out var last) && _time.GetElapsedTime(last, now) < _interval)
            {
                return false;
            }

            if (_lastLogged.Count >= MaxSources && !_lastLogged.ContainsKey(source))
            {
                var stale = _lastLogged.Where(kv => _time.GetElapsedTime(kv.Value, now) >= _interval).Select(kv => kv.Key).ToList();
                stale.ForEach(k => _lastLogged.Remove(k));
                if (_lastLogged.Count >= MaxSources)
                {
                    return false;
                }
            }

            _lastLogged[source] = now;
            return true;
        }
    }
}
