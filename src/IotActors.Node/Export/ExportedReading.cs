using System.Text.Json.Serialization;

namespace IotActors.Node.Export;

/// <summary>One reading as the upstream server receives it.</summary>
internal sealed record ExportedReading(
    [property: JsonPropertyName("device")] string Device,
    [property: JsonPropertyName("metric")] string Metric,
    [property: JsonPropertyName("value")] double Value,
    [property: JsonPropertyName("unit")] string? Unit,
    [property: JsonPropertyName("time")] DateTimeOffset Time,
    [property: JsonPropertyName("source")] string Source);

/// <summary>Source-generated JSON for the export.</summary>
[JsonSerializable(typeof(ExportedReading))]
internal sealed partial class ExportJsonContext : JsonSerializerContext;
