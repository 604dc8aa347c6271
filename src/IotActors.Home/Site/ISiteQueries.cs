using IotActors.Home.Model;
using IotActors.Home.Rules;

namespace IotActors.Home.Site;

/// <summary>Read access to the replicated site state: devices, rules and a summary.</summary>
public interface ISiteQueries
{
    /// <summary>Every known device, ordered by id.</summary>
    Task<IReadOnlyList<SiteDeviceState>> ListDevicesAsync(CancellationToken cancellationToken = default);

    /// <summary>One device, or null when no device has this id.</summary>
    Task<SiteDeviceState?> GetDeviceAsync(string deviceId, CancellationToken cancellationToken = default);

    /// <summary>The current rule set.</summary>
    Task<RuleSet> GetRulesAsync(CancellationToken cancellationToken = default);

    /// <summary>Counts over the whole site.</summary>
    Task<SiteSummary> GetSummaryAsync(CancellationToken cancellationToken = default);
}
