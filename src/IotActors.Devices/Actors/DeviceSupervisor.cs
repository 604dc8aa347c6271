using IotActors.Actors;
using IotActors.Devices.Abstractions;

namespace IotActors.Devices.Actors;

/// <summary>The stable face of one device: creates the pinned device actor, fans out its messages, runs the watchdog and restarts it with backoff.</summary>
/// <remarks>
/// Runs on the default dispatcher, so it stays responsive while its child blocks in a driver. The child is recreated
/// (never restarted in place) as generation <c>driver-N</c>; a child whose driver call passes the deadline is abandoned
/// (see <see cref="AbandonChildExtensions"/>) because a thread stuck in a system call cannot be aborted.
/// </remarks>
internal sealed partial class DeviceSupervisor : ActorBase, IWithTimers
{
    private const string WatchdogTimer = "watchdog";
    private const string StartTimer = "start";
    private const string ResetTimer = "reset";

    private readonly DeviceDefinition _device;
    private readonly DeviceActorSettings _settings;
    private readonly DeviceHealth _health = new();
    private readonly HashSet<IActorRef> _subscribers = [];
    private readonly HashSet<IActorRef> _abandoned = [];
    private readonly Random _random;
    private readonly IActorRef? _owner;
    private IActorRef? _child;
    private int _generation;
    private int _backoffExponent;
    private int _restarts;
    private (long Sequence, string What)? _open;
    private Exception? _childFailure;
    private bool? _desiredOutput;
    private DeviceState _state = DeviceState.Starting;
    private DeviceState _reportedState = DeviceState.Starting;
    private int _reportedErrors;

    public DeviceSupervisor(DeviceDefinition device, IActorRef? owner, DeviceActorSettings settings)
    {
        _device = device;
        _owner = owner;
        _settings = settings;
        _random = settings.RandomSeed is { } seed ? new Random(seed) : new Random();
    }

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    private DateTimeOffset Now => Context.System.TimeProvider.GetUtcNow();

    /// <inheritdoc />
    protected override void PreStart() => Spawn();

    /// <inheritdoc />
    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(-1, null, e =>
    {
        _childFailure = e;
        return Directive.Stop;
    }, loggingEnabled: false);

    /// <inheritdoc />
    protected override bool Receive(object message)
    {
        var fromChild = _child is not null && Sender.Equals(_child);
        switch (message)
        {
            case Sample s when fromChild:
                _health.RecordSuccess(Now);
                Publish(s);
                ReportIfChanged();
                return true;
            case DriverFaulted f when fromChild:
                _health.RecordError(Now, f.Fault.Reason);
                LogDriverFault(Log, _device.DeviceId, f.Fault.Reason, f.Fault.Transient);
                Publish(f.Fault);
                ReportIfChanged();
                return true;
            case DeviceEndOfData e when fromChild:
                _state = DeviceState.Ended;
                Context.Stop(_child!);
                LogEndOfData(Log, _device.DeviceId);
                Publish(e);
                ReportIfChanged();
                return true;
            case ReadDeferred d when fromChild:
                LogReadDeferred(Log, _device.DeviceId, d.RetryAfter, d.Reason);
                return true;
            case OutputApplied o when fromChild:
                _health.RecordSuccess(Now);
                Publish(o.Result, except: o.ReplyTo);
                ReportIfChanged();
                return true;
            case OperationStarted o when fromChild:
                _open = (o.Sequence, o.What);
                Timers.StartSingleTimer(WatchdogTimer, new OperationTimedOut(_generation, o.Sequence), _settings.ReadTimeout);
                return true;
            case OperationFinished o when fromChild:
                if (_open?.Sequence == o.Sequence)
                {
                    _open = null;
                    Timers.Cancel(WatchdogTimer);
                }

                return true;
            case OperationTimedOut t:
                if (t.Generation == _generation && _child is not null && _open?.Sequence == t.Sequence) { OnHung(); }
                return true;
            case Terminated t:
                OnTerminated(t.ActorRef);
                return true;
            case StartDevice s:
                if (s.Generation == _generation && _child is null && _state == DeviceState.Restarting) { Spawn(); }
                return true;
            case ResetBackoff r:
                if (r.Generation == _generation && _child is not null) { _backoffExponent = 0; }
                return true;
            case GetDeviceHealth:
                Sender.Tell(Report(), Self);
                return true;
            case SubscribeDevice sub:
                if (_subscribers.Add(sub.Subscriber)) { Context.Watch(sub.Subscriber); }
                sub.Subscriber.Tell(Report(), Self);
                return true;
            case UnsubscribeDevice unsub:
                if (_subscribers.Remove(unsub.Subscriber)) { Context.Unwatch(unsub.Subscriber); }
                return true;
            case SetOutput set:
                OnSetOutput(set);
                return true;
            case SetSimulatedTarget target when _child is not null && !_device.IsActuator:
                _child.Tell(target, Sender);
                return true;
            case SetSimulatedTarget target:
                Sender.Tell(new DeviceFault(_device.DeviceId, $"device '{_device.DeviceId}' is {_state.ToString().ToLowerInvariant()}; try again when it runs", true), Self);
                return true;
            case Sample or DriverFaulted or DeviceEndOfData or ReadDeferred or OutputApplied or OperationStarted or OperationFinished:
                return true; // from an abandoned or stopped generation: stale, ignored
            default:
                return false;
        }
    }

    private void OnSetOutput(SetOutput set)
    {
        if (!_device.IsActuator)
        {
            Sender.Tell(new DeviceFault(_device.DeviceId, $"device '{_device.DeviceId}' is a sensor (kind '{_device.Kind}') and accepts no SetOutput", false), Self);
            return;
        }

        _desiredOutput = set.On;
        if (_child is not null)
        {
            _child.Tell(set, Sender);
            return;
        }

        Sender.Tell(new DeviceFault(_device.DeviceId, $"device '{_device.DeviceId}' is {_state.ToString().ToLowerInvariant()}; the output {(set.On ? "on" : "off")} will be written when it runs again", true), Self);
    }

    private void Spawn()
    {
        _generation++;
        _childFailure = null;
        _open = null;
        var desired = _desiredOutput;
        var device = _device;
        var props = device.IsActuator
            ? Props.Create(() => new ActuatorDeviceActor(device, desired))
            : Props.Create(() => new SensorDeviceActor(device));
        _child = Context.Watch(Context.ActorOf(props.WithDispatcher(Props.PinnedDispatcherId), $"driver-{_generation}"));
        _state = DeviceState.Running;
        Timers.StartSingleTimer(ResetTimer, new ResetBackoff(_generation), _settings.ResetBackoffAfter);
        ReportIfChanged();
    }

    private void Publish(object message, IActorRef? except = null)
    {
        if (_owner is not null && !_owner.Equals(except)) { _owner.Tell(message, Self); }
        foreach (var subscriber in _subscribers)
        {
            if (!subscriber.Equals(except) && !subscriber.Equals(_owner)) { subscriber.Tell(message, Self); }
        }
    }

    private DeviceHealthReport Report() =>
        new(_device.DeviceId, _device.Kind, _state, _health.Snapshot(), _restarts, _abandoned.Count);

    private void ReportIfChanged()
    {
        if (_state == _reportedState && _health.ConsecutiveErrors == _reportedErrors) { return; }
        _reportedState = _state;
        _reportedErrors = _health.ConsecutiveErrors;
        Publish(Report());
    }
}
