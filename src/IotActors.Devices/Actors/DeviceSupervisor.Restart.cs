using IotActors.Actors;
using Microsoft.Extensions.Logging;

namespace IotActors.Devices.Actors;

internal sealed partial class DeviceSupervisor
{
    private void OnHung()
    {
        var stuck = _child!;
        var what = _open?.What ?? "driver call";
        _child = null;
        _open = null;
        Timers.Cancel(ResetTimer);
        _abandoned.Add(stuck); // still watched: its Terminated arrives if the driver call ever returns
        Context.StopAndAbandon(stuck);
        var reason = $"{what} did not return within {_settings.ReadTimeout.TotalSeconds:0.###}s (read-timeout); its thread {stuck.Path.Name} is abandoned ({_abandoned.Count} stuck)";
        _health.RecordError(Now, reason);
        LogHung(Log, _device.DeviceId, what, _settings.ReadTimeout, _abandoned.Count);
        Publish(new DeviceFault(_device.DeviceId, reason + " and the device restarts", true));
        if (_abandoned.Count >= _settings.MaxAbandonedThreads)
        {
            _state = DeviceState.Stalled;
            LogStalled(Log, _device.DeviceId, _abandoned.Count);
            Publish(new DeviceFault(_device.DeviceId,
                $"{_abandoned.Count} threads are stuck in the driver (max-abandoned-threads = {_settings.MaxAbandonedThreads}); no new thread starts until one returns: check the device and its wiring", false));
            ReportIfChanged();
            return;
        }

        ScheduleRestart();
    }

    private void OnTerminated(IActorRef actor)
    {
        if (_abandoned.Remove(actor))
        {
            LogAbandonedReturned(Log, _device.DeviceId, actor.Path.Name, _abandoned.Count);
            if (_state == DeviceState.Stalled) { ScheduleRestart(); }
            else { ReportIfChanged(); }
            return;
        }

        if (actor.Equals(_child))
        {
            _child = null;
            _open = null;
            Timers.Cancel(WatchdogTimer);
            Timers.Cancel(ResetTimer);
            if (_state == DeviceState.Ended) { return; }
            var cause = _childFailure is ActorInitializationException { InnerException: { } inner } ? inner : _childFailure;
            var reason = cause is null ? "the device actor stopped unexpectedly" : $"driver failed: {cause.GetType().Name}: {cause.Message}";
            _health.RecordError(Now, reason);
            LogChildFailed(Log, _device.DeviceId, reason, cause);
            Publish(new DeviceFault(_device.DeviceId, reason + "; the device restarts", true));
            ScheduleRestart();
            return;
        }

        _subscribers.Remove(actor);
    }

    private void ScheduleRestart()
    {
        var delay = BackoffSupervisor.CalculateDelay(_backoffExponent, _settings.MinBackoff, _settings.MaxBackoff, _settings.RandomFactor, _random);
        _backoffExponent++;
        _restarts++;
        _state = DeviceState.Restarting;
        LogRestartScheduled(Log, _device.DeviceId, delay, _restarts);
        Timers.StartSingleTimer(StartTimer, new StartDevice(_generation), delay);
        ReportIfChanged();
    }

    [LoggerMessage(EventId = 4200, Level = LogLevel.Warning, Message = "device {DeviceId}: {What} did not return within {Timeout}; thread abandoned ({Stuck} stuck)")]
    private static partial void LogHung(ILogger logger, string deviceId, string what, TimeSpan timeout, int stuck);

    [LoggerMessage(EventId = 4201, Level = LogLevel.Error, Message = "device {DeviceId}: {Stuck} threads stuck in the driver; not starting another until one returns")]
    private static partial void LogStalled(ILogger logger, string deviceId, int stuck);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Information, Message = "device {DeviceId}: abandoned {Name} returned from the driver ({Stuck} still stuck)")]
    private static partial void LogAbandonedReturned(ILogger logger, string deviceId, string name, int stuck);

    [LoggerMessage(EventId = 4203, Level = LogLevel.Warning, Message = "device {DeviceId}: {Reason}")]
    private static partial void LogChildFailed(ILogger logger, string deviceId, string reason, Exception? exception);

    [LoggerMessage(EventId = 4204, Level = LogLevel.Information, Message = "device {DeviceId}: restart {Restarts} in {Delay}")]
    private static partial void LogRestartScheduled(ILogger logger, string deviceId, TimeSpan delay, int restarts);

    [LoggerMessage(EventId = 4205, Level = LogLevel.Debug, Message = "device {DeviceId}: fault '{Reason}' (transient: {Transient})")]
    private static partial void LogDriverFault(ILogger logger, string deviceId, string reason, bool transient);

    [LoggerMessage(EventId = 4206, Level = LogLevel.Information, Message = "device {DeviceId}: end of data, reading stopped")]
    private static partial void LogEndOfData(ILogger logger, string deviceId);

    [LoggerMessage(EventId = 4207, Level = LogLevel.Debug, Message = "device {DeviceId}: not ready ({Reason}), next read in {RetryAfter}")]
    private static partial void LogReadDeferred(ILogger logger, string deviceId, TimeSpan retryAfter, string reason);
}
