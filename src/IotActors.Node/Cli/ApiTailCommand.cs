using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using IotActors.Node.Cli.Api;

namespace IotActors.Node.Cli;

/// <summary><c>iotactors tail [--count N]</c>: prints a node's live events (readings, state changes, members) until Ctrl+C or N events.</summary>
internal static class ApiTailCommand
{
    public static Command Build(TextWriter output)
    {
        var count = new Option<int?>("--count", "-n") { Description = "Stop after this many events (default: run until Ctrl+C)." };
        var tail = new Command("tail", "Print live events from GET /api/events (Server-Sent Events) until Ctrl+C.") { count };
        tail.WithApiOptions();
        tail.SetAction(async (result, ct) =>
        {
            int? limit = result.GetValue(count);
            if (limit is < 1) throw new CliUsageException("--count must be at least 1");
            bool json = result.GetValue(ApiConnectionOptions.Json);
            using NodeApiClient client = ApiConnectionOptions.Connect(result);
            int seen = 0;
            try
            {
                await foreach (SseEvent e in client.EventsAsync(ct).ConfigureAwait(false))
                {
                    output.WriteLine(json ? $"{{\"event\":{JsonSerializer.Serialize(e.Name)},\"data\":{e.Data}}}" : Describe(e));
                    await output.FlushAsync(ct).ConfigureAwait(false);
                    if (++seen == limit) return 0;
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return 0;
            }

            throw new NodeApiServerException($"the node closed the event stream after {seen} event(s)");
        });
        return tail;
    }

    /// <summary>One line per event: time, kind and the fields that matter for that kind.</summary>
    internal static string Describe(SseEvent e)
    {
        try
        {
            using var doc = JsonDocument.Parse(e.Data);
            JsonElement d = doc.RootElement;
            string time = Text(d, "time") is { } t && DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTimeOffset at)
                ? at.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture) + " " : "";
            return e.Name switch
            {
                "reading" => $"{time}reading {Text(d, "deviceId")} {Text(d, "metric")}={Number(d, "value")}{(Text(d, "unit") is { } u ? " " + u : "")}",
                "state" => $"{time}state   {Text(d, "deviceId")} {(d.TryGetProperty("active", out JsonElement a) && a.ValueKind == JsonValueKind.True ? "active" : "idle")}"
                    + (Text(d, "reason") is { Length: > 0 } r ? $" ({r})" : ""),
                "member" => $"{time}member  {Text(d, "kind")} {(d.TryGetProperty("member", out JsonElement m) ? Text(m, "address") : "")}",
                "dropped" => $"dropped {Number(d, "dropped")} event(s): this client fell behind",
                _ => $"{e.Name} {e.Data}",
            };
        }
        catch (JsonException)
        {
            return $"{e.Name} {e.Data}";
        }
    }

    private static string? Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string Number(JsonElement e, string name) =>
        e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble().ToString("0.###", CultureInfo.InvariantCulture) : "?";
}
