using System.Text.RegularExpressions;

namespace IotActors.Devices.Configuration;

/// <summary>The keys each device kind accepts, with defaults for the read period.</summary>
internal static partial class DeviceSchema
{
    public static readonly string[] CommonKeys = ["id", "kind", "period", "name"];

    public static TimeSpan DefaultPeriod(string kind) => kind switch
    {
        DeviceKinds.Dht22 or DeviceKinds.Am2302 or DeviceKinds.Ds18b20 => TimeSpan.FromSeconds(5),
        DeviceKinds.GpioIn => TimeSpan.FromMilliseconds(100),
        DeviceKinds.Dataset => TimeSpan.FromSeconds(1),
        _ => TimeSpan.FromSeconds(5),
    };

    public static TimeSpan MinPeriod(string kind) => kind switch
    {
        DeviceKinds.Dht22 or DeviceKinds.Am2302 => TimeSpan.FromSeconds(2),
        DeviceKinds.Ds18b20 => TimeSpan.FromSeconds(1),
        _ => TimeSpan.FromMilliseconds(10),
    };

    public static IReadOnlyList<KeyRule>? RulesFor(string kind)
    {
        if (kind.StartsWith(DeviceKinds.SimulatedPrefix, StringComparison.Ordinal))
        {
            return Simulation.SimulatedSensorDriver.Models.Contains(kind[DeviceKinds.SimulatedPrefix.Length..])
                ? [KeyRule.Integer("seed"), KeyRule.Number("target", -1e6, 1e6)]
                : null;
        }

        return kind switch
        {
            DeviceKinds.Dht22 or DeviceKinds.Am2302 =>
            [
                KeyRule.Text("iio-root"), KeyRule.Text("iio-device"), KeyRule.Duration("max-backoff", TimeSpan.FromSeconds(2)),
                KeyRule.Number("min-temp", -40, 80), KeyRule.Number("max-temp", -40, 80),
                KeyRule.Number("min-humidity", 0, 100), KeyRule.Number("max-humidity", 0, 100),
                KeyRule.Number("max-temp-step", 0.1, 120), KeyRule.Number("max-humidity-step", 0.1, 100),
            ],
            DeviceKinds.Ds18b20 =>
            [
                KeyRule.Text("w1-root"),
                new KeyRule("sensor-id", false, "a 1-Wire id such as 28-0316a2799aff", s => W1Id().IsMatch(s.Trim())),
            ],
            DeviceKinds.GpioOut =>
            [
                KeyRule.Text("chip"), LineRule(), KeyRule.Bool("active-low"), KeyRule.Bool("initial"), KeyRule.Text("dev-root"),
            ],
            DeviceKinds.GpioIn =>
            [
                KeyRule.Text("chip"), LineRule(), KeyRule.Bool("active-low"),
                KeyRule.OneOf("bias", "as-is", "pull-up", "pull-down", "disabled"),
                KeyRule.OneOf("edge", "none", "rising", "falling", "both"),
                KeyRule.Duration("debounce", TimeSpan.Zero), KeyRule.Text("metric"), KeyRule.Text("dev-root"),
            ],
            DeviceKinds.Dataset =>
            [
                KeyRule.Text("file", required: true), KeyRule.OneOf("format", "auto", "csv", "json"),
                KeyRule.Number("speed", 0.001, 1e6), KeyRule.Duration("interval", TimeSpan.FromMilliseconds(10)),
                KeyRule.Bool("loop"), KeyRule.Text("timestamp-column"),
                new KeyRule("columns", false, "a list like temperature:C,humidity:%RH", s => s.Split(',').All(p => p.Split(':')[0].Trim().Length > 0)),
            ],
            DeviceKinds.VirtualFan or DeviceKinds.VirtualLight or DeviceKinds.VirtualRelay => [KeyRule.Bool("initial")],
            _ => null,
        };
    }

    private static KeyRule LineRule() =>
        new("line", true, "a line offset (e.g. 17) or line name (e.g. GPIO17)", s => s.Trim().Length > 0);

    [GeneratedRegex("^[0-9a-f]{2}-[0-9a-f]{12}$", RegexOptions.IgnoreCase)]
    private static partial Regex W1Id();
}
