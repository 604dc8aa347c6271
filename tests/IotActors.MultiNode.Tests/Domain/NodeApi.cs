using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using IotActors.TestKit.MultiNode;

namespace IotActors.MultiNode.Tests.Domain;

/// <summary>A bearer-token HTTP client for one harness node's REST API, connecting from inside the node's namespace.</summary>
internal sealed class NodeApi : IDisposable
{
    private readonly HttpClient _http;
    private readonly Uri _base;

    public NodeApi(ClusterNode node)
    {
        _base = node.ApiBaseUri;
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            ConnectCallback = async (context, cancellation) =>
            {
                Socket socket = NamespaceSockets.Create(node.NamespaceName, AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                try
                {
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
        _http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(10) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", node.ApiToken);
    }

    /// <summary>GETs <paramref name="path"/> (relative, e.g. "api/devices") as JSON; throws when not 2xx.</summary>
    public async Task<JsonNode> GetAsync(string path)
    {
        using var response = await _http.GetAsync(new Uri(_base, path)).ConfigureAwait(false);
        string body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"GET {path}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!;
    }

    /// <summary>GETs <paramref name="path"/> as raw text; null when the node does not answer.</summary>
    public async Task<string?> TryGetTextAsync(string path)
    {
        try
        {
            using var response = await _http.GetAsync(new Uri(_base, path)).ConfigureAwait(false);
            return response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync().ConfigureAwait(false) : null;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return null;
        }
    }

    /// <summary>POSTs <paramref name="body"/> as JSON; returns the status code and the body.</summary>
    public async Task<(int Status, string Body)> PostAsync(string path, object body)
    {
        using var response = await _http.PostAsJsonAsync(new Uri(_base, path), body).ConfigureAwait(false);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync().ConfigureAwait(false));
    }

    /// <summary>PUTs <paramref name="body"/> as JSON; returns the status code and the body.</summary>
    public async Task<(int Status, string Body)> PutAsync(string path, object body)
    {
        using var response = await _http.PutAsJsonAsync(new Uri(_base, path), body).ConfigureAwait(false);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync().ConfigureAwait(false));
    }

    /// <summary>One device of GET /api/devices/{id}, or null while the node does not know it.</summary>
    public async Task<JsonNode?> TryDeviceAsync(string id)
    {
        string? text = await TryGetTextAsync("api/devices/" + id).ConfigureAwait(false);
        return text is null ? null : JsonNode.Parse(text);
    }

    /// <summary>The UTC time at the start of a node log line ("yyyy-MM-dd HH:mm:ss.fff ...").</summary>
    public static DateTimeOffset LogTime(string line) =>
        DateTimeOffset.ParseExact(line[..23], "yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Dispose() => _http.Dispose();
}
