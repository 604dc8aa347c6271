using IotActors.Home.Model;
using IotActors.Home.Rules;
using IotActors.Home.Site;

namespace IotActors.Hosting;

/// <summary>The site interfaces for DI, resolved before the actor system starts: every call goes to the running <see cref="IotActors.Home.Wiring.SmartSite"/>.</summary>
/// <remarks>A call made while the node is still starting throws <see cref="InvalidOperationException"/> (the API answers 500/503).</remarks>
internal sealed class SmartSiteProxy(SmartSiteHolder holder) : ISiteQueries, ISiteCommands, ISiteEvents
{
    public Task<IReadOnlyList<SiteDeviceState>> ListDevicesAsync(CancellationToken cancellationToken = default) => holder.Site.View.ListDevicesAsync(cancellationToken);

    public Task<SiteDeviceState?> GetDeviceAsync(string deviceId, CancellationToken cancellationToken = default) => holder.Site.View.GetDeviceAsync(deviceId, cancellationToken);

    public Task<RuleSet> GetRulesAsync(CancellationToken cancellationToken = default) => holder.Site.View.GetRulesAsync(cancellationToken);

    public Task<SiteSummary> GetSummaryAsync(CancellationToken cancellationToken = default) => holder.Site.View.GetSummaryAsync(cancellationToken);

    public ISiteSubscription Subscribe(int capacity = 256) => holder.Site.View.Subscribe(capacity);

    public Task<CommandOutcome> SendCommandAsync(string deviceId, bool active, Principal who, CancellationToken cancellationToken = default) =>
        holder.Site.Commands.SendCommandAsync(deviceId, active, who, cancellationToken);

    public Task<RuleChangeOutcome> AddRuleAsync(RuleDefinition rule, Principal who, CancellationToken cancellationToken = default) =>
        holder.Site.Commands.AddRuleAsync(rule, who, cancellationToken);

    public Task<RuleChangeOutcome> ReplaceRuleAsync(RuleDefinition rule, Principal who, CancellationToken cancellationToken = default) =>
        holder.Site.Commands.ReplaceRuleAsync(rule, who, cancellationToken);

    public Task<RuleChangeOutcome> RemoveRuleAsync(string ruleId, Principal who, CancellationToken cancellationToken = default) =>
        holder.Site.Commands.RemoveRuleAsync(ruleId, who, cancellationToken);
}
