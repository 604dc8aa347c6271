namespace IotActors.Devices.Configuration;

/// <summary>The device declarations are invalid; <see cref="Errors"/> lists every problem, each naming the entry, key, value and what is allowed.</summary>
public sealed class DeviceConfigurationException(IReadOnlyList<string> errors)
    : Exception("Invalid iotactors.devices configuration:" + Environment.NewLine + "  - " + string.Join(Environment.NewLine + "  - ", errors))
{
    /// <summary>One message per problem.</summary>
    public IReadOnlyList<string> Errors { get; } = errors;
}
