using System.Text.Json;
using IotActors.Node.Gateways;

namespace IotActors.Node.Export;

/// <summary>Puts every gateway reading into the export outbox as one JSON object.</summary>
internal sealed class ExportReadingSink(HttpExporter exporter) : IReadingSink
{
    public ValueTask AcceptAsync(PeerReading reading)
    {
        exporter.Enqueue([ToJson(reading)]);
        return ValueTask.CompletedTask;
    }

    /// <summary>The exported form: <c>{"device","metric","value","unit","time","source"}</c>.</summary>
    public static string ToJson(PeerReading reading) => JsonSerializer.Serialize(new ExportedReading(
        reading.DeviceId, reading.Metric, reading.Value, reading.Unit, reading.SourceTime, reading.Source), ExportJsonContext.Default.ExportedReading);
}
