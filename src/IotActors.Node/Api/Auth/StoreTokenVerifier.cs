using System.Security.Cryptography;
using System.Text;
using IotActors.Node.Tools;

namespace IotActors.Node.Api.Auth;

/// <summary>Verifies tokens against the node's <see cref="ApiTokenStore"/>, caching results until the token file changes.</summary>
/// <remarks>Thread-safe. The cache is keyed by a hash of the token (never the token) and bounded; a new or revoked token takes effect on the next request after the file is written.</remarks>
internal sealed class StoreTokenVerifier(ApiTokenStore store) : IApiTokenVerifier
{
    private const int MaxCached = 1024;
    private readonly Dictionary<string, ApiPrincipal?> _cache = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private DateTime _fileStamp;

    public ApiPrincipal? Verify(string token)
    {
        if (token.Length is 0 or > 256) return null;
        DateTime stamp = File.Exists(store.FilePath) ? File.GetLastWriteTimeUtc(store.FilePath) : DateTime.MinValue;
        string key = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
        lock (_gate)
        {
            if (stamp != _fileStamp)
            {
                _cache.Clear();
                _fileStamp = stamp;
            }
            if (_cache.TryGetValue(key, out ApiPrincipal? cached)) return cached;
        }

        ApiTokenEntry? entry = store.Verify(token);
        ApiPrincipal? principal = entry is null ? null : new ApiPrincipal(entry.Name.Length > 0 ? entry.Name : entry.Id, entry.Id, entry.Role);
        lock (_gate)
        {
            if (_cache.Count >= MaxCached) _cache.Clear();
            _cache[key] = principal;
        }
        return principal;
    }
}
