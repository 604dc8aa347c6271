using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace IotActors.TestKit.MultiNode;

/// <summary>Reads a node's cluster view (and its <c>/metrics</c>) over HTTP, connecting from inside the node's network namespace.</summary>
public sealed class ClusterViewClient : IDisposable
{
    /// <summary>The endpoint's path.</summary>
    public const string Path = "api/cluster";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly HttpClient _http;

    /// <summary>Creates a client whose connections are made in <paramref name="namespaceName"/> (null: the test process's namespace).</summary>
    /// <param name="namespaceName">The network namespace to connect from.</param>
    /// <param name="timeout">Per-request timeout (default 5 s).</param>
    /// <param name="bearerToken">API token sent as <c>Authorization: Bearer</c> (the API requires a viewer token).</param>
    public ClusterViewClient(string? namespaceName, TimeSpan? timeout = null, string? bearerToken = null)
    {
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            PooledConnectionLifetime = TimeSpan.FromSeconds(5),
            ConnectCallback = async (context, cancellation) =>
            {
                Socket socket = NamespaceSockets.Create(namespaceName, AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    socket.NoDelay = true;
                    await socket.ConnectAsync(context.DnsEndPoint, cancellation).ConfigureAwait(false);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        _http = new HttpClient(handler) { Timeout = timeout ?? TimeSpan.FromSeconds(5) };
        if (bearerToken is not null)
        {
            _http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearerToken);
        }
    }

    /// <summary>Creates a client for <paramref name="node"/>, connecting from inside its namespace.</summary>
    public static ClusterViewClient For(ClusterNode node) => new(node.NamespaceName, bearerToken: node.ApiToken);

    /// <summary>GETs <c>http://host:port/api/cluster</c> and parses it; throws <see cref="HttpRequestException"/> when unreachable or not 2xx.</summary>
    public async Task<ClusterView> GetAsync(Uri apiBase, CancellationToken cancellation = default)
    {
        using HttpResponseMessage response = await _http.GetAsync(new Uri(apiBase, Path), cancellation).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<ClusterView>(Json, cancellation).ConfigureAwait(false)
            ?? throw new JsonException($"{apiBase}{Path} returned an empty body");
    }

    /// <summary>The view of <paramref name="node"/>, or null while its endpoint does not answer (not started, paused, partitioned).</summary>
    public async Task<ClusterView?> TryGetAsync(ClusterNode node, CancellationToken cancellation = default)
    {
        try
        {
            return await GetAsync(node.ApiBaseUri, cancellation).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or SocketException or IOException && !cancellation.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>GETs the node's Prometheus text (<c>/metrics</c>); throws <see cref="HttpRequestException"/> when unreachable or not 2xx.</summary>
    public Task<string> GetMetricsTextAsync(ClusterNode node, CancellationToken cancellation = default) =>
        _http.GetStringAsync(new Uri(node.ApiBaseUri, "metrics"), cancellation);

    /// <summary>Releases the connections.</summary>
    public void Dispose() => _http.Dispose();
}
