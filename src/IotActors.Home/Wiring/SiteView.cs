using System.Collections.Concurrent;
using IotActors.Actors;
using IotActors.Home.Actors;
using IotActors.Home.Model;
using IotActors.Home.Rules;
using IotActors.Home.Sensors;
using IotActors.Home.Site;

namespace IotActors.Home.Wiring;

/// <summary>The site as the replicated map shows it on this node: every device's last reading, state, health and owner; the API's <see cref="ISiteQueries"/> and <see cref="ISiteEvents"/>.</summary>
/// <remarks>Thread-safe. Health of a sensor is also derived from when its owner last saw a sample, so devices of a dead node turn stale and offline.</remarks>
public sealed class SiteView : ISiteQueries, ISiteEvents
{
    private readonly ConcurrentDictionary<string, SiteDeviceState> _devices = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly DeviceHealthPolicy _health;
    private readonly IActorRef _rules;
    private readonly TimeSpan _askTimeout;

    internal SiteView(TimeProvider time, DeviceHealthPolicy health, IActorRef rules, TimeSpan askTimeout)
    {
        _time = time;
        _health = health;
        _rules = rules;
        _askTimeout = askTimeout;
    }

    /// <summary>The live event fan-out.</summary>
    public SiteEventHub Events { get; } = new();

    /// <inheritdoc />
    public Task<IReadOnlyList<SiteDeviceState>> ListDevicesAsync(CancellationToken cancellationToken = default)
    {
        var now = _time.GetUtcNow();
        IReadOnlyList<SiteDeviceState> list = _devices.Values.OrderBy(d => d.DeviceId, StringComparer.Ordinal).Select(d => WithHealth(d, now)).ToArray();
        return Task.FromResult(list);
    }

    /// <inheritdoc />
    public Task<SiteDeviceState?> GetDeviceAsync(string deviceId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_devices.TryGetValue(deviceId, out var d) ? WithHealth(d, _time.GetUtcNow()) : null);

    /// <inheritdoc />
    public async Task<RuleSet> GetRulesAsync(CancellationToken cancellationToken = default) =>
        (await _rules.Ask<RulesSnapshot>(GetRules.Instance, _askTimeout).ConfigureAwait(false)).Rules;

    /// <inheritdoc />
    public async Task<SiteSummary> GetSummaryAsync(CancellationToken cancellationToken = default)
    {
        var devices = await ListDevicesAsync(cancellationToken).ConfigureAwait(false);
        var rules = await GetRulesAsync(cancellationToken).ConfigureAwait(false);
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
    public ISiteSubscription Subscribe(int capacity = 256) => Events.Subscribe(capacity);

    /// <summary>Takes a replicated device state; publishes a reading or state event when it brings one.</summary>
    internal void Apply(SiteDeviceState incoming)
    {
        var previous = _devices.GetValueOrDefault(incoming.DeviceId);
        _devices[incoming.DeviceId] = incoming;
        if (incoming.LastReading is { } reading && reading != previous?.LastReading)
        {
            Events.Publish(new ReadingEvent(reading));
        }

        if (incoming.Active is { } active && active != previous?.Active)
        {
            Events.Publish(new DeviceStateEvent(new StateChanged(incoming.DeviceId, active, $"state from {incoming.OwnerNode}", incoming.Version, incoming.UpdatedAt)));
        }
    }

    private SiteDeviceState WithHealth(SiteDeviceState state, DateTimeOffset now)
    {
        if (state.Kind == DeviceKind.Actuator)
        {
            return state;
        }

        var derived = _health.Of(state.LastReading is null ? null : state.LastSeenAt ?? state.UpdatedAt, now);
        return derived > state.Health ? state with { Health = derived } : state;
    }
}
