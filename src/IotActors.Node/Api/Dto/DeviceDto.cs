using IotActors.Home.Model;

namespace IotActors.Node.Api.Dto;

/// <summary>A device as the API shows it: its primary metric's latest reading flattened for the dashboard, and every metric's latest reading.</summary>
internal sealed record DeviceDto(
    string Id, string Kind, string? Metric, string? Unit, double? Value, DateTimeOffset? Time, long? SequenceNr,
    bool? Active, string Health, string OwnerNode, long Version, DateTimeOffset UpdatedAt, DateTimeOffset? LastSeenAt, IReadOnlyList<MetricDto> Metrics)
{
    public static DeviceDto From(SiteDeviceState state) => new(
        state.DeviceId, KindName(state.Kind), state.LastReading?.Metric, state.LastReading?.Unit, state.LastReading?.Value,
        state.LastReading?.SourceTime, state.LastReading?.SequenceNr, state.Active, state.Health.ToString().ToLowerInvariant(),
        state.OwnerNode, state.Version, state.UpdatedAt, state.LastSeenAt,
        (state.Metrics ?? (state.LastReading is { } r ? [r] : [])).Select(m => new MetricDto(m.Metric, m.Unit, m.Value, m.SourceTime)).ToArray());

    public static string KindName(DeviceKind kind) => kind switch
    {
        DeviceKind.Actuator => "actuator",
        DeviceKind.RemotePeer => "remote-peer",
        _ => "sensor",
    };
}

/// <summary>The latest reading of one metric of a device.</summary>
internal sealed record MetricDto(string Metric, string Unit, double Value, DateTimeOffset Time);
