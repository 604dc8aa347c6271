using IotActors.Home.Model;

namespace IotActors.Node.Api.Dto;

/// <summary>A device as the API shows it: its latest reading flattened for the dashboard.</summary>
internal sealed record DeviceDto(
    string Id, string Kind, string? Metric, string? Unit, double? Value, DateTimeOffset? Time, long? SequenceNr,
    bool? Active, string Health, string OwnerNode, long Version, DateTimeOffset UpdatedAt)
{
    public static DeviceDto From(SiteDeviceState state) => new(
        state.DeviceId, KindName(state.Kind), state.LastReading?.Metric, state.LastReading?.Unit, state.LastReading?.Value,
        state.LastReading?.SourceTime, state.LastReading?.SequenceNr, state.Active, state.Health.ToString().ToLowerInvariant(),
        state.OwnerNode, state.Version, state.UpdatedAt);

    public static string KindName(DeviceKind kind) => kind switch
    {
        DeviceKind.Actuator => "actuator",
        DeviceKind.RemotePeer => "remote-peer",
        _ => "sensor",
    };
}
