using IotActors.Actors;
using IotActors.Cluster.Tools.PubSub;
using IotActors.Cluster.Tools.Replication;
using IotActors.Devices.Actors;
using IotActors.Home.Model;
using IotActors.Home.Sensors;
using Microsoft.Extensions.Logging;

namespace IotActors.Home.Actors;

/// <summary>One sensing device (local or remote peer): validates and stamps its samples, publishes readings, writes history, tracks health and the site state.</summary>
internal sealed partial class SensorActor : ReceiveActor, IWithTimers
{
    private const string HealthTimer = "health";
    private const string FlushTimer = "flush";
    private static readonly TimeSpan ReadingLogInterval = TimeSpan.FromSeconds(10);
    private readonly string _deviceId;
    private readonly DeviceKind _kind;
    private readonly SmartSiteContext _site;
    private readonly Dictionary<string, SensorStamp> _stamps = new(StringComparer.OrdinalIgnoreCase);
    private DateTimeOffset? _lastSeen;
    private DateTimeOffset _lastWrite = DateTimeOffset.MinValue;
    private readonly Dictionary<string, DateTimeOffset> _lastLogged = new(StringComparer.OrdinalIgnoreCase);
    private DeviceHealth _health = DeviceHealth.Offline;
    private readonly SortedDictionary<string, Reading> _lastByMetric = new(StringComparer.Ordinal);
    private Reading? _last;
    private string? _primaryMetric;
    private long _version;
    private bool _pending;
    private long _rejected;

    public SensorActor(string deviceId, DeviceKind kind, SmartSiteContext site)
    {
        _deviceId = deviceId;
        _kind = kind;
        _site = site;
        Receive<Sample>(s =>
        {
            foreach (var metric in s.Metrics)
            {
                Accept(metric.Name, metric.Unit, metric.Value, s.Timestamp);
            }
        });
        Receive<IngestSample>(s => Accept(s.Metric, s.Unit, s.Value, s.SourceTime));
        Receive<HealthTick>(_ => OnHealthTick());
        Receive<FlushSiteState>(_ => Write());
        Receive<UpdateAck>(_ => { });
        Receive<Status.Failure>(f => LogStateWriteFailed(Log, f.Cause, _deviceId));
        Receive<DeviceFault>(f => LogDeviceFault(Log, _deviceId, f.Reason));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(string deviceId, DeviceKind kind, SmartSiteContext site) =>
        global::IotActors.Actors.Props.Create(() => new SensorActor(deviceId, kind, site));

    private DateTimeOffset Now => Context.System.TimeProvider.GetUtcNow();

    private void Accept(string metric, string unit, double value, DateTimeOffset sourceTime)
    {
        var stamp = _stamps.TryGetValue(metric, out var s) ? s : SensorStamp.Start(_deviceId);
        var (next, reading, verdict) = stamp.Stamp(_site.Validator, metric, unit ?? "", value, sourceTime, _site.Settings.NodeAddress);
        if (reading is null)
        {
            _site.Counters.RejectedSample();
            _rejected++;
            if ((_rejected & (_rejected - 1)) == 0)
            {
                LogRejected(Log, _deviceId, verdict.Reason, _rejected);
            }

            return;
        }

        _stamps[metric] = next;
        _site.Counters.Reading();
        _site.Mediator.Tell(new Publish(HomeTopics.Readings, reading), Self);
        _site.History?.Append(reading);
        var now = Now;
        if (!_lastLogged.TryGetValue(metric, out var logged) || now - logged >= ReadingLogInterval)
        {
            _lastLogged[metric] = now;
            LogReading(Log, _deviceId, reading.Metric, reading.Value, reading.Unit, reading.SequenceNr);
        }

        _lastSeen = now;
        _primaryMetric ??= reading.Metric;
        _lastByMetric[reading.Metric] = reading;
        if (reading.Metric == _primaryMetric)
        {
            _last = reading;
        }

        _health = DeviceHealth.Online;
        ScheduleHealth(now);
        if (now - _lastWrite >= _site.Settings.SiteUpdateInterval)
        {
            Write();
        }
        else if (!_pending)
        {
            _pending = true;
            Timers.StartSingleTimer(FlushTimer, FlushSiteState.Instance, _lastWrite + _site.Settings.SiteUpdateInterval - now);
        }
    }

    private void ScheduleHealth(DateTimeOffset now)
    {
        if (_lastSeen is { } seen && _site.Health.NextChange(seen, now) is { } at)
        {
            Timers.StartSingleTimer(HealthTimer, HealthTick.Instance, at > now ? at - now : TimeSpan.FromTicks(1));
        }
    }

    private void OnHealthTick()
    {
        var now = Now;
        var health = _site.Health.Of(_lastSeen, now);
        if (health != _health)
        {
            _health = health;
            LogHealth(Log, _deviceId, health);
            Write();
        }

        ScheduleHealth(now);
    }

    private void Write()
    {
        Timers.Cancel(FlushTimer);
        _pending = false;
        var now = Now;
        _lastWrite = now;
        _version++;
        _site.WriteState(new SiteDeviceState(_deviceId, _kind, _last, null, _health, _site.Settings.NodeAddress, _version, now,
            _lastByMetric.Count > 1 ? [.. _lastByMetric.Values] : null, _lastSeen), Self); // one metric: LastReading says it all (keeps the replicated entry small)
    }

    [LoggerMessage(EventId = 4514, Level = LogLevel.Information, Message = "sensor {DeviceId}: {Metric} = {Value} {Unit} (seq {SequenceNr}; each metric logged at most every 10 s)")]
    private static partial void LogReading(ILogger logger, string deviceId, string metric, double value, string unit, long sequenceNr);

    [LoggerMessage(EventId = 4510, Level = LogLevel.Warning, Message = "sensor {DeviceId} rejected a sample: {Reason} ({Count} rejected so far)")]
    private static partial void LogRejected(ILogger logger, string deviceId, string reason, long count);

    [LoggerMessage(EventId = 4511, Level = LogLevel.Information, Message = "sensor {DeviceId} is now {Health}")]
    private static partial void LogHealth(ILogger logger, string deviceId, DeviceHealth health);

    [LoggerMessage(EventId = 4512, Level = LogLevel.Warning, Message = "writing the site state of {DeviceId} failed")]
    private static partial void LogStateWriteFailed(ILogger logger, Exception exception, string deviceId);

    [LoggerMessage(EventId = 4513, Level = LogLevel.Warning, Message = "device {DeviceId} reported a fault: {Reason}")]
    private static partial void LogDeviceFault(ILogger logger, string deviceId, string reason);
}
