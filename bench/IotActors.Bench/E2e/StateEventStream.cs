using System.Text.Json;

namespace IotActors.Bench.E2e;

/// <summary>Reads <c>state</c> events of one device from a node's <c>GET /api/events</c> (Server-Sent Events) until cancelled.</summary>
internal sealed class StateEventStream
{
    private readonly List<StateEvent> _events = [];
    private readonly Lock _gate = new();

    /// <summary>One StateChanged as the site view published it: the actuator's version and change time, and when this client read it.</summary>
    public sealed record StateEvent(bool Active, long Version, DateTimeOffset Time, DateTimeOffset ReceivedAt);

    public long Dropped { get; private set; }

    public IReadOnlyList<StateEvent> Snapshot()
    {
        lock (_gate) { return [.. _events]; }
    }

    /// <summary>Opens the stream; the returned task completes once the node answered with the stream's headers.</summary>
    public async Task<Task> OpenAsync(HttpClient http, Uri events, string deviceId, CancellationToken stop)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, events);
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stop);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsStreamAsync(stop);
        return Task.Run(() => ReadAsync(response, body, deviceId, stop), CancellationToken.None);
    }

    private async Task ReadAsync(HttpResponseMessage response, Stream body, string deviceId, CancellationToken stop)
    {
        using var _ = response;
        using var reader = new StreamReader(body);
        string? eventName = null;
        try
        {
            while (await reader.ReadLineAsync(stop) is { } line)
            {
                if (line.StartsWith("event: ", StringComparison.Ordinal)) { eventName = line[7..]; continue; }
                if (!line.StartsWith("data: ", StringComparison.Ordinal)) { continue; }
                var received = DateTimeOffset.UtcNow;
                using var json = JsonDocument.Parse(line[6..]);
                var root = json.RootElement;
                if (eventName == "dropped") { Dropped = root.GetProperty("dropped").GetInt64(); }
                if (eventName != "state" || root.GetProperty("deviceId").GetString() != deviceId) { continue; }
                var e = new StateEvent(root.GetProperty("active").GetBoolean(), root.GetProperty("version").GetInt64(), root.GetProperty("time").GetDateTimeOffset(), received);
                lock (_gate) { _events.Add(e); }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Done listening.
        }
        catch (IOException) when (stop.IsCancellationRequested)
        {
            // The stream closed while stopping.
        }
    }
}
