using System.Security.Cryptography;

namespace IotActors.Node.Api.Auth;

/// <summary>Dashboard sessions: a random cookie id mapped to the bearer token that opened it, expiring after a fixed lifetime.</summary>
/// <remarks>Thread-safe and in memory (a restart logs every browser out; the dashboard then opens a new session). The token is re-verified on every use, so revoking it ends its sessions.</remarks>
internal sealed class SessionStore(TimeProvider time, TimeSpan lifetime)
{
    /// <summary>The session cookie's name.</summary>
    public const string CookieName = "iotactors_session";

    private const int MaxSessions = 1000;
    private readonly Dictionary<string, (string Token, DateTimeOffset Expires)> _sessions = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public TimeSpan Lifetime => lifetime;

    /// <summary>Opens a session for a verified token and returns its id.</summary>
    public string Open(string token)
    {
        string id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        DateTimeOffset now = time.GetUtcNow();
        lock (_gate)
        {
            if (_sessions.Count >= MaxSessions)
            {
                foreach (var (key, value) in _sessions.ToArray())
                {
                    if (value.Expires <= now) _sessions.Remove(key);
                }
                if (_sessions.Count >= MaxSessions) _sessions.Remove(_sessions.MinBy(s => s.Value.Expires).Key);
            }
            _sessions[id] = (token, now + lifetime);
        }
        return id;
    }

    /// <summary>The token of a live session, or null when the id is unknown or expired.</summary>
    public string? Resolve(string id)
    {
        lock (_gate)
        {
            if (!_sessions.TryGetValue(id, out var session)) return null;
            if (session.Expires > time.GetUtcNow()) return session.Token;
            _sessions.Remove(id);
            return null;
        }
    }

    /// <summary>Ends a session.</summary>
    public void Close(string id)
    {
        lock (_gate) _sessions.Remove(id);
    }
}
