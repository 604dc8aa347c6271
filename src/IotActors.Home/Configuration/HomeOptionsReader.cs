using System.Globalization;
using IotActors.Hocon;
using IotActors.Home.Actuators;
using IotActors.Home.Rules;
using Microsoft.Extensions.Configuration;

namespace IotActors.Home.Configuration;

/// <summary>Reads and validates <c>iotactors.home</c> from configuration, reporting every bad key at once.</summary>
public static class HomeOptionsReader
{
    /// <summary>The dotted path of the section.</summary>
    public const string SectionPath = "iotactors.home";

    /// <summary>Reads the home section of <paramref name="configuration"/> (the root, or any section that contains <c>iotactors:home</c>).</summary>
    /// <exception cref="HomeConfigurationException">A key or rule is invalid; every problem is listed with its full key.</exception>
    public static HomeOptions Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var home = configuration.GetSection("iotactors:home");
        var d = HomeOptions.Default;
        var errors = new List<string>();
        var staleAfter = Duration(home, "sensor:stale-after", d.SensorStaleAfter, errors);
        var offlineAfter = Duration(home, "sensor:offline-after", d.SensorOfflineAfter, errors);
        if (offlineAfter <= staleAfter)
        {
            errors.Add($"{SectionPath}.sensor.offline-after ({offlineAfter}) must be longer than {SectionPath}.sensor.stale-after ({staleAfter})");
        }

        var minInterval = Duration(home, "sensor:min-interval", d.SensorMinInterval, errors, allowZero: true);
        var retention = Duration(home, "history:retention", d.HistoryRetention, errors);
        int maxQueue = Int(home, "history:max-queue", d.HistoryMaxQueue, 1, 10_000_000, errors);
        int snapshotEvery = Int(home, "actuator:snapshot-every", d.ActuatorSnapshotEvery, 1, 1_000_000, errors);
        var failSafe = d.ActuatorFailSafe;
        if (home["actuator:fail-safe"] is { } failSafeText && !Enum.TryParse(failSafeText, ignoreCase: true, out failSafe))
        {
            errors.Add($"{SectionPath}.actuator.fail-safe: value '{failSafeText}' is not allowed; expected hold, idle or active");
        }

        var rules = RuleSet.Empty;
        try
        {
            rules = RuleConfigParser.Parse(home.GetSection("rules"), staleAfter, $"{SectionPath}.rules");
        }
        catch (RuleConfigurationException ex)
        {
            errors.AddRange(ex.Errors);
        }

        return errors.Count > 0
            ? throw new HomeConfigurationException(errors)
            : new HomeOptions(rules, staleAfter, offlineAfter, minInterval, retention, maxQueue, failSafe, snapshotEvery);
    }

    private static TimeSpan Duration(IConfiguration home, string key, TimeSpan fallback, List<string> errors, bool allowZero = false)
    {
        string? raw = home[key];
        if (raw is null)
        {
            return fallback;
        }

        if (!HoconUnits.TryParseDuration(raw, out var value) || value < TimeSpan.Zero || (!allowZero && value == TimeSpan.Zero))
        {
            errors.Add($"{SectionPath}.{key.Replace(':', '.')}: value '{raw}' is not allowed; expected a {(allowZero ? "" : "positive ")}duration such as 30s, 2m or 7d");
            return fallback;
        }

        return value;
    }

    private static int Int(IConfiguration home, string key, int fallback, int min, int max, List<string> errors)
    {
        string? raw = home[key];
        if (raw is null)
        {
            return fallback;
        }

        if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value < min || value > max)
        {
            errors.Add($"{SectionPath}.{key.Replace(':', '.')}: value '{raw}' is not allowed; expected a whole number from {min} to {max}");
            return fallback;
        }

        return value;
    }
}
