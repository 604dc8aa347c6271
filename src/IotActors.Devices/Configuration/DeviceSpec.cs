namespace IotActors.Devices.Configuration;

/// <summary>One validated device declaration from <c>iotactors.devices</c>.</summary>
/// <param name="Index">Position in the devices list (0-based).</param>
/// <param name="Id">Unique device id.</param>
/// <param name="Kind">Device kind (see <see cref="DeviceKinds"/>).</param>
/// <param name="Period">Read period (sensors) as configured or the kind's default.</param>
/// <param name="Settings">All keys of the entry (lower-case), including id, kind and period.</param>
public sealed record DeviceSpec(int Index, string Id, string Kind, TimeSpan Period, IReadOnlyDictionary<string, string> Settings)
{
    /// <summary>True when the kind is an actuator.</summary>
    public bool IsActuator => DeviceKinds.IsActuator(Kind);

    /// <summary>Returns a setting or <paramref name="fallback"/> when absent.</summary>
    public string Get(string key, string fallback) => Settings.TryGetValue(key, out var v) ? v : fallback;

    /// <summary>Returns a setting or null when absent.</summary>
    public string? GetOrNull(string key) => Settings.TryGetValue(key, out var v) ? v : null;
}
