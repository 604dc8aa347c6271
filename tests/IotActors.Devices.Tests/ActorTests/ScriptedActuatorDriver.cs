using IotActors.Devices.Abstractions;

namespace IotActors.Devices.Tests.ActorTests;

/// <summary>An actuator driver whose written value, failures and blocking are chosen by the test.</summary>
internal sealed class ScriptedActuatorDriver(string deviceId) : IActuatorDriver
{
    public string DeviceId { get; } = deviceId;

    public string Kind => "scripted-out";

    public bool Current { get; private set; }

    public DeviceHealth Health { get; } = new();

    /// <summary>Maps the requested value to the value the "hardware" ends up with (e.g. a relay stuck off).</summary>
    public Func<bool, bool> Hardware { get; set; } = on => on;

    /// <summary>When set, Write throws it.</summary>
    public Exception? Failure { get; set; }

    public List<bool> Writes { get; } = [];

    public bool Write(bool on)
    {
        lock (Writes) { Writes.Add(on); }
        if (Failure is { } failure) { throw failure; }
        Current = Hardware(on);
        return Current;
    }

    public void Dispose()
    {
    }
}
