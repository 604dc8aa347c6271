using IotActors.Actors;
using IotActors.Cluster.Tools.PubSub;
using IotActors.Home.Model;
using IotActors.Home.Rules;
using IotActors.Home.Site;
using IotActors.Persistence;
using Microsoft.Extensions.Logging;

namespace IotActors.Home.Actors;

/// <summary>The node's rules, persistent as <c>home-rules</c>: starts from <c>iotactors.home.rules</c>, takes admin changes, spreads them on topic <c>rules</c> and adopts newer sets from other nodes.</summary>
internal sealed partial class RuleSetActor : ReceivePersistentActor
{
    private readonly SmartSiteContext _site;
    private readonly List<IActorRef> _subscribers = [];
    private RuleSet _rules;
    private string _changedBy = "";

    public RuleSetActor(SmartSiteContext site)
    {
        _site = site;
        _rules = site.Settings.Home.Rules;
        Recover<RulesReplaced>(e => Apply(e));
        Recover<RecoveryCompleted>(_ => _site.Mediator.Tell(new Subscribe(HomeTopics.Rules, Self), Self));
        Command<GetRules>(_ => Sender.Tell(new RulesSnapshot(_rules), Self));
        Command<SubscribeRules>(s =>
        {
            _subscribers.Add(s.Subscriber);
            Context.Watch(s.Subscriber);
            s.Subscriber.Tell(new RulesSnapshot(_rules), Self);
        });
        Command<Terminated>(t => _subscribers.Remove(t.ActorRef));
        Command<ChangeRules>(OnChange);
        Command<RuleSetChanged>(OnRemoteChange);
        Command<SubscribeAck>(_ => { });
    }

    public override string PersistenceId => "home-rules";

    public static Props Props(SmartSiteContext site) => global::IotActors.Actors.Props.Create(() => new RuleSetActor(site));

    private void OnChange(ChangeRules change)
    {
        var replyTo = Sender;
        var what = "rules." + change.Kind.ToString().ToLowerInvariant();
        var target = change.Rule?.Id ?? change.RuleId;
        if (change.Who.Role != "admin")
        {
            var denied = new RuleChangeOutcome(RuleChangeStatus.Invalid, "only admins may change rules", _rules.Version);
            Audit(change.Who, what, target, "rejected", denied.Detail);
            replyTo.Tell(denied, Self);
            return;
        }

        RuleSet next;
        try
        {
            next = change.Kind switch
            {
                RuleChangeKind.Add when _rules.Find(target) is not null => throw new RuleConflict($"a rule with the id '{target}' exists already; replace it instead"),
                RuleChangeKind.Add => _rules.Add(change.Rule ?? throw new ArgumentException("an added rule is required", nameof(change))),
                RuleChangeKind.Replace when _rules.Find(target) is null => throw new RuleMissing(target),
                RuleChangeKind.Replace => _rules.Replace(change.Rule!),
                _ when _rules.Find(target) is null => throw new RuleMissing(target),
                _ => _rules.Remove(target),
            };
        }
        catch (Exception ex) when (ex is RuleConflict or RuleMissing or RuleConfigurationException)
        {
            var status = ex switch
            {
                RuleMissing => RuleChangeStatus.NotFound,
                RuleConflict => RuleChangeStatus.Conflict,
                RuleConfigurationException c when c.Errors.Any(e => e.Contains("already commanded", StringComparison.Ordinal)) => RuleChangeStatus.Conflict,
                _ => RuleChangeStatus.Invalid,
            };
            var detail = ex is RuleConfigurationException rc ? string.Join("; ", rc.Errors) : ex.Message;
            Audit(change.Who, what, target, status.ToString().ToLowerInvariant(), detail);
            replyTo.Tell(new RuleChangeOutcome(status, detail, _rules.Version), Self);
            return;
        }

        var evt = new RulesReplaced(next.Rules, Math.Max(next.Version, _rules.Version + 1), _site.Settings.NodeAddress);
        Persist(evt, e =>
        {
            Apply(e);
            Audit(change.Who, what, target, "applied", $"rule set is now version {e.Version}");
            _site.Mediator.Tell(new Publish(HomeTopics.Rules, new RuleSetChanged(e.Rules, e.Version, e.ChangedBy)), Self);
            replyTo.Tell(new RuleChangeOutcome(RuleChangeStatus.Applied, $"rule set is now version {e.Version}", e.Version), Self);
            Notify();
        });
    }

    private void OnRemoteChange(RuleSetChanged changed)
    {
        bool newer = changed.Version > _rules.Version
            || (changed.Version == _rules.Version && string.CompareOrdinal(changed.ChangedBy, _changedBy) > 0);
        if (!newer || changed.ChangedBy == _site.Settings.NodeAddress)
        {
            return;
        }

        try
        {
            _ = RuleSet.From(changed.Rules, changed.Version);
        }
        catch (RuleConfigurationException ex)
        {
            LogBadRemote(Log, changed.ChangedBy, string.Join("; ", ex.Errors));
            return;
        }

        Persist(new RulesReplaced(changed.Rules, changed.Version, changed.ChangedBy), e =>
        {
            Apply(e);
            Notify();
        });
    }

    private void Apply(RulesReplaced e)
    {
        _rules = RuleSet.From(e.Rules, e.Version);
        _changedBy = e.ChangedBy;
    }

    private void Notify()
    {
        LogRules(Log, _rules.Count, _rules.Version, _changedBy);
        foreach (var subscriber in _subscribers)
        {
            subscriber.Tell(new RulesSnapshot(_rules), Self);
        }
    }

    private void Audit(Principal who, string what, string target, string outcome, string detail) =>
        _site.AuditEntry(new AuditEntry(Context.System.TimeProvider.GetUtcNow(), who.Name, who.Role, what, target, outcome, detail));

    [LoggerMessage(EventId = 4540, Level = LogLevel.Information, Message = "rules are now {Count} rules at version {Version} (changed by {ChangedBy})")]
    private static partial void LogRules(ILogger logger, int count, long version, string changedBy);

    [LoggerMessage(EventId = 4541, Level = LogLevel.Warning, Message = "ignored an invalid rule set from {ChangedBy}: {Errors}")]
    private static partial void LogBadRemote(ILogger logger, string changedBy, string errors);

    private sealed class RuleConflict(string message) : Exception(message);

    private sealed class RuleMissing(string id) : Exception($"no rule has the id '{id}'");
}
