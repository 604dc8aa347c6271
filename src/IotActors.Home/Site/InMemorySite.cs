using IotActors.Home.History;
using IotActors.Home.Model;
using IotActors.Home.Rules;
using IotActors.Home.Sensors;

namespace IotActors.Home.Site;

/// <summary>The whole site in one process's memory: for tests and for a node that runs without the domain actors.</summary>
/// <remarks>Thread-safe. Readings also go to the optional history store; audit is left to the caller (see <see cref="ISiteCommands"/>).</remarks>
public sealed class InMemorySite : ISiteQueries, ISiteCommands, ISiteEvents
{
    private readonly Dictionary<string, Entry> _devices = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly string _ownerNode;
    private readonly DeviceHealthPolicy _health;
    private readonly IHistoryStore? _history;
    private RuleSet _rules = RuleSet.Empty;

    /// <summary>Creates an empty site owned by <paramref name="ownerNode"/>; readings are appended to <paramref name="history"/> when given.</summary>
    public InMemorySite(TimeProvider time, string ownerNode, DeviceHealthPolicy? health = null, IHistoryStore? history = null)
    {
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _ownerNode = ownerNode ?? throw new ArgumentNullException(nameof(ownerNode));
        _health = health ?? new DeviceHealthPolicy(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5));
        _history = history;
    }

    /// <summary>The event fan-out (subscriber count and drops, for metrics).</summary>
    public SiteEventHub Events { get; } = new();

    /// <summary>Adds a device (idempotent: an existing device keeps its state); actuators start idle.</summary>
    public SiteDeviceState RegisterDevice(string deviceId, DeviceKind kind)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(deviceId);
        lock (_gate)
        {
            if (_devices.TryGetValue(deviceId, out Entry? existing)) return existing.State;
            var state = new SiteDeviceState(deviceId, kind, null, kind == DeviceKind.Actuator ? false : null,
                kind == DeviceKind.Actuator ? DeviceHealth.Online : DeviceHealth.Offline, _ownerNode, 1, _time.GetUtcNow());
            _devices[deviceId] = new Entry(state, null);
            return state;
        }
    }

    /// <summary>Stores a reading as the device's latest (registering unknown devices as sensors), appends it to history and publishes it.</summary>
    public Reading RecordReading(string deviceId, string metric, string? unit, double value, DateTimeOffset? sourceTime = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(deviceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(metric);
        if (!double.IsFinite(value)) throw new ArgumentOutOfRangeException(nameof(value), value, "A reading must be a finite number.");
        DateTimeOffset now = _time.GetUtcNow();
        Reading reading;
        lock (_gate)
        {
            if (!_devices.TryGetValue(deviceId, out Entry? entry))
            {
                entry = new Entry(new SiteDeviceState(deviceId, DeviceKind.Sensor, null, null, DeviceHealth.Offline, _ownerNode, 0, now), null);
            }

            long sequenceNr = (entry.State.LastReading?.SequenceNr ?? 0) + 1;
            reading = new Reading(deviceId, metric, unit ?? "", value, sequenceNr, sourceTime ?? now, _ownerNode);
            var state = entry.State with { LastReading = reading, Health = DeviceHealth.Online, Version = entry.State.Version + 1, UpdatedAt = now, LastSeenAt = now };
            _devices[deviceId] = new Entry(state, now);
        }

        _history?.Append(reading);
        Events.Publish(new ReadingEvent(reading));
        return reading;
    }

    /// <summary>Publishes a cluster member event to subscribers.</summary>
    public void PublishMemberEvent(MemberEvent memberEvent) => Events.Publish(memberEvent);

    /// <inheritdoc />
    public Task<IReadOnlyList<SiteDeviceState>> ListDevicesAsync(CancellationToken cancellationToken = default)
    {
        DateTimeOffset now = _time.GetUtcNow();
        lock (_gate)
        {
            IReadOnlyList<SiteDeviceState> list = _devices.Values.OrderBy(e => e.State.DeviceId, StringComparer.Ordinal).Select(e => WithHealth(e, now)).ToArray();
            return Task.FromResult(list);
        }
    }

    /// <inheritdoc />
    public Task<SiteDeviceState?> GetDeviceAsync(string deviceId, CancellationToken cancellationToken = default)
    {
        DateTimeOffset now = _time.GetUtcNow();
        lock (_gate)
        {
            return Task.FromResult(_devices.TryGetValue(deviceId, out Entry? entry) ? WithHealth(entry, now) : null);
        }
    }

    /// <inheritdoc />
    public Task<RuleSet> GetRulesAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate) return Task.FromResult(_rules);
    }

    /// <inheritdoc />
    public async Task<SiteSummary> GetSummaryAsync(CancellationToken cancellationToken = default)
    {
        IReadOnlyList<SiteDeviceState> devices = await ListDevicesAsync(cancellationToken).ConfigureAwait(false);
        RuleSet rules = await GetRulesAsync(cancellationToken).ConfigureAwait(false);
        return new SiteSummary(
            devices.Count,
            devices.Count(d => d.Kind != DeviceKind.Actuator),
            devices.Count(d => d.Kind == DeviceKind.Actuator),
            devices.Count(d => d.Active == true),
            devices.Count(d => d.Health == DeviceHealth.Online),
            devices.Count(d => d.Health == DeviceHealth.Stale),
            devices.Count(d => d.Health == DeviceHealth.Offline),
            rules.Count,
            rules.Version,
            _time.GetUtcNow());
    }

    /// <inheritdoc />
    public Task<CommandOutcome> SendCommandAsync(string deviceId, bool active, Principal who, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(who);
        DateTimeOffset now = _time.GetUtcNow();
        StateChanged change;
        SiteDeviceState updated;
        lock (_gate)
        {
            if (!_devices.TryGetValue(deviceId, out Entry? entry))
            {
                return Task.FromResult(new CommandOutcome(CommandStatus.UnknownDevice, $"no device has the id '{deviceId}'"));
            }

            if (entry.State.Kind != DeviceKind.Actuator)
            {
                return Task.FromResult(new CommandOutcome(CommandStatus.NotAnActuator, $"'{deviceId}' is a {entry.State.Kind.ToString().ToLowerInvariant()}, not an actuator", entry.State));
            }

            if (entry.State.Active == active)
            {
                return Task.FromResult(new CommandOutcome(CommandStatus.Accepted, $"'{deviceId}' is already {(active ? "active" : "idle")}", entry.State));
            }

            updated = entry.State with { Active = active, Version = entry.State.Version + 1, UpdatedAt = now, LastSeenAt = now };
            _devices[deviceId] = entry with { State = updated };
            change = new StateChanged(deviceId, active, $"command by {who.Name} ({who.Role})", updated.Version, now);
        }

        Events.Publish(new DeviceStateEvent(change));
        return Task.FromResult(new CommandOutcome(CommandStatus.Accepted, $"'{deviceId}' is now {(active ? "active" : "idle")}", updated));
    }

    /// <inheritdoc />
    public Task<RuleChangeOutcome> AddRuleAsync(RuleDefinition rule, Principal who, CancellationToken cancellationToken = default) =>
        Task.FromResult(ChangeRules(rules => rules.Find(rule.Id) is null
            ? rules.Add(rule)
            : throw new RuleConflictException($"a rule with the id '{rule.Id}' exists already; replace it instead")));

    /// <inheritdoc />
    public Task<RuleChangeOutcome> ReplaceRuleAsync(RuleDefinition rule, Principal who, CancellationToken cancellationToken = default) =>
        Task.FromResult(ChangeRules(rules => rules.Find(rule.Id) is null ? throw new RuleNotFoundException(rule.Id) : rules.Replace(rule)));

    /// <inheritdoc />
    public Task<RuleChangeOutcome> RemoveRuleAsync(string ruleId, Principal who, CancellationToken cancellationToken = default) =>
        Task.FromResult(ChangeRules(rules => rules.Find(ruleId) is null ? throw new RuleNotFoundException(ruleId) : rules.Remove(ruleId)));

    /// <inheritdoc />
    public ISiteSubscription Subscribe(int capacity = 256) => Events.Subscribe(capacity);

    private RuleChangeOutcome ChangeRules(Func<RuleSet, RuleSet> change)
    {
        lock (_gate)
        {
            try
            {
                _rules = change(_rules);
                return new RuleChangeOutcome(RuleChangeStatus.Applied, $"rule set is now version {_rules.Version}", _rules.Version);
            }
            catch (RuleNotFoundException ex)
            {
                return new RuleChangeOutcome(RuleChangeStatus.NotFound, ex.Message, _rules.Version);
            }
            catch (RuleConflictException ex)
            {
                return new RuleChangeOutcome(RuleChangeStatus.Conflict, ex.Message, _rules.Version);
            }
            catch (RuleConfigurationException ex) when (ex.Errors.Any(e => e.Contains("already commanded", StringComparison.Ordinal)))
            {
                return new RuleChangeOutcome(RuleChangeStatus.Conflict, string.Join("; ", ex.Errors), _rules.Version);
            }
            catch (RuleConfigurationException ex)
            {
                return new RuleChangeOutcome(RuleChangeStatus.Invalid, string.Join("; ", ex.Errors), _rules.Version);
            }
        }
    }

    private SiteDeviceState WithHealth(Entry entry, DateTimeOffset now) =>
        entry.State.Kind == DeviceKind.Actuator ? entry.State : entry.State with { Health = _health.Of(entry.LastSeen, now) };

    private sealed record Entry(SiteDeviceState State, DateTimeOffset? LastSeen);

    private sealed class RuleNotFoundException(string id) : Exception($"no rule has the id '{id}'");

    private sealed class RuleConflictException(string message) : Exception(message);
}
