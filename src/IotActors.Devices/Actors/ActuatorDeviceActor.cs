using IotActors.Actors;
using IotActors.Devices.Abstractions;

namespace IotActors.Devices.Actors;

/// <summary>Drives one actuator driver on its own pinned thread; confirms each write with the value actually written.</summary>
/// <remarks>A recreated actor first writes the last desired state (<paramref name="desired"/>) so a restart does not lose it.</remarks>
internal sealed class ActuatorDeviceActor(DeviceDefinition device, bool? desired) : ActorBase
{
    private IActuatorDriver? _driver;
    private long _sequence;

    /// <inheritdoc />
    protected override void PreStart()
    {
        _driver = device.CreateActuator!();
        if (desired is { } on) { Write(on, null); }
    }

    /// <inheritdoc />
    protected override void PostStop() => _driver?.Dispose();

    /// <inheritdoc />
    protected override bool Receive(object message)
    {
        if (message is not SetOutput set) { return false; }
        Write(set.On, Sender);
        return true;
    }

    private void Write(bool on, IActorRef? replyTo)
    {
        var parent = Context.Parent;
        var sequence = ++_sequence;
        parent.Tell(new OperationStarted(sequence, on ? "write on" : "write off"), Self);
        bool actual;
        try
        {
            actual = _driver!.Write(on);
        }
        catch (DeviceIoException ex)
        {
            var fault = new DeviceFault(device.DeviceId, $"writing {(on ? "on" : "off")} failed: {ex.Message}", true);
            replyTo?.Tell(fault, parent);
            parent.Tell(new DriverFaulted(fault), Self);
            return;
        }
        catch (Exception ex)
        {
            replyTo?.Tell(new DeviceFault(device.DeviceId, $"writing {(on ? "on" : "off")} failed: {ex.GetType().Name}: {ex.Message}; the device restarts", true), parent);
            throw;
        }
        finally
        {
            parent.Tell(new OperationFinished(sequence), Self);
        }

        var result = new OutputSet(device.DeviceId, actual);
        replyTo?.Tell(result, parent);
        parent.Tell(new OutputApplied(result, replyTo ?? ActorRefs.Nobody), Self);
    }
}
