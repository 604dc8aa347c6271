using IotActors.Actors;
using IotActors.Cluster.Tools.Registry;
using IotActors.Home.Actors;
using IotActors.Home.Model;
using IotActors.Home.Rules;
using IotActors.Home.Site;

namespace IotActors.Home.Wiring;

/// <summary>The API's <see cref="ISiteCommands"/>: operator commands go to the actuator (found through the registry, on any node) as <see cref="OperatorCommand"/>s, rule changes to the rule actor.</summary>
/// <remarks>Thread-safe. The actuator and the rule actor write the audit entries.</remarks>
public sealed class SiteCommands : ISiteCommands
{
    private readonly SiteView _view;
    private readonly IActorRef _receptionist;
    private readonly IActorRef _rules;
    private readonly TimeSpan _timeout;

    internal SiteCommands(SiteView view, IActorRef receptionist, IActorRef rules, TimeSpan timeout)
    {
        _view = view;
        _receptionist = receptionist;
        _rules = rules;
        _timeout = timeout;
    }

    /// <inheritdoc />
    public async Task<CommandOutcome> SendCommandAsync(string deviceId, bool active, Principal who, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(who);
        var device = await _view.GetDeviceAsync(deviceId, cancellationToken).ConfigureAwait(false);
        if (device is null)
        {
            return new CommandOutcome(CommandStatus.UnknownDevice, $"no device has the id '{deviceId}'");
        }

        if (device.Kind != DeviceKind.Actuator)
        {
            return new CommandOutcome(CommandStatus.NotAnActuator, $"'{deviceId}' is a {device.Kind.ToString().ToLowerInvariant()}, not an actuator", device);
        }

        var listing = await _receptionist.Ask<Listing>(new Find(new ServiceKey<ActuatorCommand>(HomeTopics.ActuatorKey(deviceId))), _timeout).ConfigureAwait(false);
        if (listing.Services.IsEmpty)
        {
            return new CommandOutcome(CommandStatus.Rejected, $"actuator '{deviceId}' is not reachable (its node {device.OwnerNode} is down or starting)", device);
        }

        var command = new SetActive(deviceId, active, $"command by {who.Name} ({who.Role})", who.Name);
        CommandResult result;
        try
        {
            result = await listing.Services[0].Ask<CommandResult>(new OperatorCommand(command, who.Name, who.Role), _timeout).ConfigureAwait(false);
        }
        catch (AskTimeoutException)
        {
            return new CommandOutcome(CommandStatus.Rejected,
                $"actuator '{deviceId}' did not answer within {_timeout.TotalSeconds:0.#} s (its node {device.OwnerNode} refused this node's roles, or is down)", device);
        }

        var after = device with { Active = result.Active };
        return new CommandOutcome(result.Accepted ? CommandStatus.Accepted : CommandStatus.Rejected, result.Detail, after);
    }

    /// <inheritdoc />
    public Task<RuleChangeOutcome> AddRuleAsync(RuleDefinition rule, Principal who, CancellationToken cancellationToken = default) =>
        Change(new ChangeRules(RuleChangeKind.Add, rule ?? throw new ArgumentNullException(nameof(rule)), rule.Id, who));

    /// <inheritdoc />
    public Task<RuleChangeOutcome> ReplaceRuleAsync(RuleDefinition rule, Principal who, CancellationToken cancellationToken = default) =>
        Change(new ChangeRules(RuleChangeKind.Replace, rule ?? throw new ArgumentNullException(nameof(rule)), rule.Id, who));

    /// <inheritdoc />
    public Task<RuleChangeOutcome> RemoveRuleAsync(string ruleId, Principal who, CancellationToken cancellationToken = default) =>
        Change(new ChangeRules(RuleChangeKind.Remove, null, ruleId ?? throw new ArgumentNullException(nameof(ruleId)), who));

    private Task<RuleChangeOutcome> Change(ChangeRules change)
    {
        ArgumentNullException.ThrowIfNull(change.Who);
        return _rules.Ask<RuleChangeOutcome>(change, _timeout);
    }
}
