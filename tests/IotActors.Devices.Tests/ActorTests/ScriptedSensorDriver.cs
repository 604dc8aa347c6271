using IotActors.Devices.Abstractions;

namespace IotActors.Devices.Tests.ActorTests;

/// <summary>A sensor driver that returns queued results (then a default one), can throw or block, and records where it ran.</summary>
internal sealed class ScriptedSensorDriver(string deviceId, TimeProvider time) : ISensorDriver
{
    private readonly Queue<Func<SensorReadResult>> _script = new();
    private int _reads;

    public string DeviceId { get; } = deviceId;

    public string Kind => "scripted";

    public TimeSpan MinPeriod { get; init; } = TimeSpan.Zero;

    public DeviceHealth Health { get; } = new();

    /// <summary>Used when the script is empty: a good reading with the read count as value.</summary>
    public Func<SensorReadResult>? Default { get; set; }

    /// <summary>When set, every read waits on it (a driver stuck in a system call).</summary>
    public ManualResetEventSlim? Gate { get; init; }

    /// <summary>Set when a read entered the driver.</summary>
    public ManualResetEventSlim Entered { get; } = new(false);

    public int Reads => Volatile.Read(ref _reads);

    public string? LastThreadName { get; private set; }

    public bool Disposed { get; private set; }

    public ScriptedSensorDriver Then(Func<SensorReadResult> step)
    {
        lock (_script) { _script.Enqueue(step); }
        return this;
    }

    public SensorReadResult Read()
    {
        Interlocked.Increment(ref _reads);
        LastThreadName = Thread.CurrentThread.Name;
        Entered.Set();
        Gate?.Wait();
        Func<SensorReadResult>? step;
        lock (_script) { _script.TryDequeue(out step); }
        return (step ?? Default ?? Good).Invoke();
    }

    public SensorReadResult Good() => SensorReadResult.Ok(time.GetUtcNow(), new MetricValue("temperature", 20 + Reads, "C"));

    public void Dispose() => Disposed = true;
}
