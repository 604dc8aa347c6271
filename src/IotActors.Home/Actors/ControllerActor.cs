using System.Collections.Immutable;
using IotActors.Actors;
using IotActors.Cluster.Tools.PubSub;
using IotActors.Cluster.Tools.Registry;
using IotActors.Home.Model;
using IotActors.Home.Rules;
using Microsoft.Extensions.Logging;

namespace IotActors.Home.Actors;

/// <summary>Evaluates the rules on every reading of topic <c>readings</c> and sends the actuators (found through the registry, on any node) desired-state commands.</summary>
/// <remarks>Evaluation is deterministic and commands are idempotent, so several controllers cannot make an actuator flap.</remarks>
internal sealed partial class ControllerActor : ReceiveActor
{
    private readonly SmartSiteContext _site;
    private readonly IActorRef _rules;
    private readonly Dictionary<string, RuleSlot> _slots = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ImmutableArray<IActorRef>> _actuators = new(StringComparer.Ordinal);

    public ControllerActor(SmartSiteContext site, IActorRef rules)
    {
        _site = site;
        _rules = rules;
        Receive<RulesSnapshot>(s => Adopt(s.Rules));
        Receive<Reading>(OnReading);
        Receive<Listing>(OnListing);
        Receive<CommandResult>(r =>
        {
            if (!r.Accepted)
            {
                LogRefused(Log, r.DeviceId, r.Detail);
            }
        });
        Receive<SubscribeAck>(_ => { });
    }

    public static Props Props(SmartSiteContext site, IActorRef rules) => global::IotActors.Actors.Props.Create(() => new ControllerActor(site, rules));

    protected override void PreStart()
    {
        _rules.Tell(new SubscribeRules(Self), Self);
        _site.Mediator.Tell(new Subscribe(HomeTopics.Readings, Self), Self);
    }

    private void Adopt(RuleSet rules)
    {
        var keep = new Dictionary<string, RuleSlot>(StringComparer.Ordinal);
        foreach (var rule in rules.Rules)
        {
            keep[rule.Id] = _slots.TryGetValue(rule.Id, out var slot) && slot.Evaluator.Rule.Equals(rule)
                ? slot
                : new RuleSlot(new RuleEvaluator(rule));
            if (!_actuators.ContainsKey(rule.ActuatorId))
            {
                _actuators[rule.ActuatorId] = [];
                _site.Receptionist.Tell(new SubscribeService(Key(rule.ActuatorId), Self), Self);
            }
        }

        _slots.Clear();
        foreach (var (id, slot) in keep)
        {
            _slots[id] = slot;
        }

        LogRules(Log, rules.Count, rules.Version);
    }

    private void OnReading(Reading reading)
    {
        var now = Context.System.TimeProvider.GetUtcNow();
        foreach (var slot in _slots.Values)
        {
            if (!slot.Evaluator.IsRelevant(reading))
            {
                continue;
            }

            var (state, decision) = slot.Evaluator.Evaluate(slot.State, reading, now);
            slot.State = state;
            var rule = slot.Evaluator.Rule;
            if (decision is not null)
            {
                slot.Pending = decision.ToCommand();
                LogDecision(Log, rule.Id, rule.ActuatorId, decision.DesiredActive, decision.Reason);
                SendPending(slot);
            }

            if (now - slot.LastFeed >= _site.Settings.ControlFeedInterval)
            {
                slot.LastFeed = now;
                foreach (var actuator in _actuators.GetValueOrDefault(rule.ActuatorId, []))
                {
                    actuator.Tell(new ControlFeed(rule.ActuatorId, rule.Id, now), Self);
                }
            }
        }
    }

    private void OnListing(Listing listing)
    {
        const string prefix = "actuator:";
        if (!listing.Key.Id.StartsWith(prefix, StringComparison.Ordinal))
        {
            return;
        }

        var actuatorId = listing.Key.Id[prefix.Length..];
        _actuators[actuatorId] = listing.Services;
        foreach (var slot in _slots.Values.Where(s => s.Evaluator.Rule.ActuatorId == actuatorId && s.Pending is not null))
        {
            SendPending(slot);
        }
    }

    private void SendPending(RuleSlot slot)
    {
        var command = slot.Pending!;
        var targets = _actuators.GetValueOrDefault(command.DeviceId, []);
        if (targets.IsEmpty)
        {
            LogNoActuator(Log, command.DeviceId);
            return;
        }

        foreach (var actuator in targets)
        {
            actuator.Tell(new ActuatorCommand(command), Self);
        }

        slot.Pending = null;
    }

    private static ServiceKey<ActuatorCommand> Key(string actuatorId) => new(HomeTopics.ActuatorKey(actuatorId));

    [LoggerMessage(EventId = 4530, Level = LogLevel.Information, Message = "controller runs {Count} rules (version {Version})")]
    private static partial void LogRules(ILogger logger, int count, long version);

    [LoggerMessage(EventId = 4531, Level = LogLevel.Information, Message = "rule {RuleId}: {ActuatorId} should be active={Active}: {Reason}")]
    private static partial void LogDecision(ILogger logger, string ruleId, string actuatorId, bool active, string reason);

    [LoggerMessage(EventId = 4532, Level = LogLevel.Warning, Message = "no actuator {ActuatorId} is registered yet; the command is sent when it appears")]
    private static partial void LogNoActuator(ILogger logger, string actuatorId);

    [LoggerMessage(EventId = 4533, Level = LogLevel.Warning, Message = "actuator {ActuatorId} refused a command: {Detail}")]
    private static partial void LogRefused(ILogger logger, string actuatorId, string detail);

    private sealed class RuleSlot(RuleEvaluator evaluator)
    {
        public RuleEvaluator Evaluator { get; } = evaluator;

        public RuleState State { get; set; } = RuleState.Initial;

        public SetActive? Pending { get; set; }

        public DateTimeOffset LastFeed { get; set; } = DateTimeOffset.MinValue;
    }
}
