using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using IotActors.Home.Site;
using IotActors.Node.Api.Dto;

namespace IotActors.Node.Cli.Api;

/// <summary>
/// A typed client for a node's REST API. Client mistakes (unreachable node, 4xx) throw <see cref="CliUsageException"/> with one line
/// that includes the problem+json detail; 5xx answers throw <see cref="NodeApiServerException"/>.
/// </summary>
internal sealed class NodeApiClient : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerOptions.Web);
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);
    private readonly HttpClient _http;

    /// <summary>Creates a client for the API at <paramref name="baseAddress"/> that sends <paramref name="token"/> as its bearer token.</summary>
    public NodeApiClient(Uri baseAddress, string token)
    {
        BaseAddress = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
        // Per-request timeouts are applied with cancellation tokens, so the event stream can stay open.
        _http = new HttpClient { BaseAddress = BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    /// <summary>The API's base address.</summary>
    public Uri BaseAddress { get; }

    /// <summary><c>GET /api/cluster</c>.</summary>
    public Task<ApiReply<ClusterSnapshot>> GetClusterAsync(CancellationToken ct) => GetAsync<ClusterSnapshot>("api/cluster", "viewer", ct);

    /// <summary><c>POST /api/cluster/leave</c>: the node leaves the cluster gracefully.</summary>
    public Task<string> LeaveClusterAsync(CancellationToken ct) => SendAsync(HttpMethod.Post, "api/cluster/leave", null, "admin", ct);

    /// <summary><c>POST /api/cluster/down?address=</c>: marks a member Down.</summary>
    public Task<string> DownMemberAsync(string address, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, "api/cluster/down?address=" + Uri.EscapeDataString(address), null, "admin", ct);

    /// <summary><c>GET /api/devices</c>.</summary>
    public Task<ApiReply<IReadOnlyList<DeviceDto>>> GetDevicesAsync(CancellationToken ct) => GetAsync<IReadOnlyList<DeviceDto>>("api/devices", "viewer", ct);

    /// <summary><c>GET /api/devices/{id}</c>.</summary>
    public Task<ApiReply<DeviceDto>> GetDeviceAsync(string id, CancellationToken ct) => GetAsync<DeviceDto>("api/devices/" + Uri.EscapeDataString(id), "viewer", ct);

    /// <summary><c>POST /api/devices/{id}/commands</c> with <c>{"active": ...}</c>.</summary>
    public async Task<ApiReply<CommandReply>> SendCommandAsync(string id, bool active, CancellationToken ct)
    {
        string body = await SendAsync(HttpMethod.Post, $"api/devices/{Uri.EscapeDataString(id)}/commands", JsonContent.Create(new { active }, options: Json), "operator", ct)
            .ConfigureAwait(false);
        return new ApiReply<CommandReply>(Parse<CommandReply>(body), body);
    }

    /// <summary><c>GET /api/rules</c>.</summary>
    public Task<ApiReply<RuleListReply>> GetRulesAsync(CancellationToken ct) => GetAsync<RuleListReply>("api/rules", "viewer", ct);

    /// <summary><c>POST /api/rules</c>; returns the raw answer.</summary>
    public Task<string> AddRuleAsync(RuleDto rule, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, "api/rules", JsonContent.Create(rule, options: Json), "admin", ct);

    /// <summary><c>DELETE /api/rules/{id}</c>.</summary>
    public Task<string> RemoveRuleAsync(string id, CancellationToken ct) =>
        SendAsync(HttpMethod.Delete, "api/rules/" + Uri.EscapeDataString(id), null, "admin", ct);

    /// <summary><c>GET /api/events</c> (authenticated with the bearer header): yields events until the stream ends or <paramref name="ct"/> fires.</summary>
    public async IAsyncEnumerable<SseEvent> EventsAsync([EnumeratorCancellation] CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/events");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using HttpResponseMessage response = await Exchange(request, HttpCompletionOption.ResponseHeadersRead, "viewer", ct).ConfigureAwait(false);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false), Encoding.UTF8);
        string name = "message";
        var data = new StringBuilder();
        while (await reader.ReadLineAsync(ct).ConfigureAwait(false) is { } line)
        {
            if (line.Length == 0)
            {
                if (data.Length > 0) yield return new SseEvent(name, data.ToString());
                name = "message";
                data.Clear();
            }
            else if (line.StartsWith("event:", StringComparison.Ordinal))
            {
                name = line["event:".Length..].Trim();
            }
            else if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                if (data.Length > 0) data.Append('\n');
                data.Append(line["data:".Length..].TrimStart());
            }
            // Comments (": heartbeat") and retry: lines carry nothing to show.
        }
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private async Task<ApiReply<T>> GetAsync<T>(string path, string role, CancellationToken ct)
    {
        string body = await SendAsync(HttpMethod.Get, path, null, role, ct).ConfigureAwait(false);
        return new ApiReply<T>(Parse<T>(body), body);
    }

    private async Task<string> SendAsync(HttpMethod method, string path, HttpContent? content, string role, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(RequestTimeout);
        using var request = new HttpRequestMessage(method, path) { Content = content };
        try
        {
            using HttpResponseMessage response = await Exchange(request, HttpCompletionOption.ResponseContentRead, role, timeout.Token).ConfigureAwait(false);
            return await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new CliUsageException($"the node API at {BaseAddress} did not answer {method} /{path} within {RequestTimeout.TotalSeconds:0} s");
        }
    }

    private async Task<HttpResponseMessage> Exchange(HttpRequestMessage request, HttpCompletionOption completion, string role, CancellationToken ct)
    {
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, completion, ct).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new CliUsageException($"cannot reach the node API at {BaseAddress}: {ex.Message} (is the node running with its API enabled? set --api or IOTACTORS_API)");
        }

        if (response.IsSuccessStatusCode) return response;
        using (response)
        {
            string body = await response.Content.ReadAsStringAsync(CancellationToken.None).ConfigureAwait(false);
            throw Failure(request, response.StatusCode, body, role);
        }
    }

    private static Exception Failure(HttpRequestMessage request, HttpStatusCode status, string body, string role)
    {
        string? detail = ProblemDetail(body);
        int code = (int)status;
        string what = $"{request.Method} /{request.RequestUri}";
        return status switch
        {
            HttpStatusCode.Unauthorized => new CliUsageException(
                $"401 unauthorized: {detail ?? "the token was not accepted"} (pass --token, --token-file or IOTACTORS_TOKEN; this needs a {role} token)"),
            HttpStatusCode.Forbidden => new CliUsageException($"403 forbidden: {detail ?? $"this needs the role {role}"} (create one with 'iotactors token new --role {role}')"),
            HttpStatusCode.NotFound => new CliUsageException($"404 not found: {detail ?? $"this node does not serve {what}"}"),
            _ when code >= 500 => new NodeApiServerException($"the node failed ({code}) on {what}: {detail ?? "no detail given"}"),
            _ => new CliUsageException($"{code} {status}: {detail ?? $"{what} was refused"}"),
        };
    }

    private static string? ProblemDetail(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return null;
            string? title = doc.RootElement.TryGetProperty("title", out JsonElement t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            string? detail = doc.RootElement.TryGetProperty("detail", out JsonElement d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
            string? text = detail ?? title;
            return text?.ReplaceLineEndings(" ");
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static T Parse<T>(string body)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(body, Json) ?? throw new NodeApiServerException($"the node answered an empty body where a {typeof(T).Name} was expected");
        }
        catch (JsonException ex)
        {
            throw new NodeApiServerException($"the node's answer is not the expected JSON: {ex.Message}");
        }
    }
}
