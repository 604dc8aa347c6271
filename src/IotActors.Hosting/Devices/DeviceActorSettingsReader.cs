using IotActors.Devices.Actors;
using Microsoft.Extensions.Configuration;

namespace IotActors.Hosting;

/// <summary>Reads <see cref="DeviceActorSettings"/> from <c>iotactors.device-actors</c>; a bad value fails with the key named.</summary>
public static class DeviceActorSettingsReader
{
    /// <summary>Reads and validates the device actor settings.</summary>
    /// <exception cref="InvalidSettingException">A value is missing its unit, malformed or out of range.</exception>
    public static DeviceActorSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var d = DeviceActorSettings.Default;
        var section = new SettingsReader(configuration, "iotactors.device-actors");
        var backoff = section.Section("backoff");
        var min = backoff.Duration("min", d.MinBackoff, min: TimeSpan.FromMilliseconds(1));
        var max = backoff.Duration("max", d.MaxBackoff, min: TimeSpan.FromMilliseconds(1));
        if (max < min)
        {
            throw new InvalidSettingException(backoff.KeyOf("max"), backoff.Raw("max"), $"a duration >= {backoff.KeyOf("min")} ({min})");
        }

        return new DeviceActorSettings
        {
            ReadTimeout = section.Duration("read-timeout", d.ReadTimeout, min: TimeSpan.FromMilliseconds(1)),
            MaxAbandonedThreads = section.Int("max-abandoned-threads", d.MaxAbandonedThreads, min: 1, max: 1000),
            MinBackoff = min,
            MaxBackoff = max,
            RandomFactor = backoff.Double("random-factor", d.RandomFactor, min: 0, max: 1),
            ResetBackoffAfter = backoff.Duration("reset-after", d.ResetBackoffAfter, min: TimeSpan.FromMilliseconds(1)),
        }.Validate();
    }
}
