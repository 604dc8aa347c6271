using System.Text;
using System.Text.Json;
using IotActors.Fuzz.Engine;
using IotActors.Node.Api.Ingest;

namespace IotActors.Fuzz.Targets;

/// <summary>The HTTP ingest body: parsed as <c>ApiJson.ReadElementAsync</c> does (a JSON error is a 400), then <see cref="IngestParser.ParseObject"/> and <see cref="IngestParser.ParseBatch"/>.</summary>
internal sealed class HttpIngestTarget : IFuzzTarget
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public string Name => "http-ingest";

    public bool IsText => true;

    public IEnumerable<byte[]> Seeds()
    {
        string[] texts =
        [
            "{\"temperature\":21.5,\"humidity\":40,\"timestamp\":1772366400}",
            "{\"metric\":\"temperature\",\"value\":21.5,\"unit\":\"C\"}",
            "[{\"device\":\"t1\",\"metric\":\"temperature\",\"value\":21.5},{\"sensor_id\":\"t2\",\"co2\":400,\"timestamp\":\"2026-01-01T00:00:00Z\"}]",
            "{\"readings\":[{\"device\":\"t1\",\"pressure\":1013.2}]}",
        ];
        return texts.Select(Encoding.UTF8.GetBytes);
    }

    public FuzzOutcome Run(byte[] input)
    {
        JsonElement body;
        try
        {
            using JsonDocument document = JsonDocument.Parse(input);
            body = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return FuzzOutcome.Rejected;
        }
        var one = IngestParser.ParseObject(body, "t1", "http:fuzz", Now);
        var batch = IngestParser.ParseBatch(body, 100, "http:fuzz", Now);
        Check(one);
        Check(batch);
        return one.Error is null || batch.Error is null ? FuzzOutcome.Accepted : FuzzOutcome.Rejected;
    }

    private static void Check((List<Node.Gateways.PeerReading> Readings, string? Error) result)
    {
        if ((result.Error is null) == (result.Readings.Count == 0)) throw new InvalidOperationException("a parse must give readings or an error, not both or neither");
    }
}
