namespace IotActors.Home.Actors;

/// <summary>Counters of the domain actors of one node (thread-safe), for metrics and tests.</summary>
public sealed class HomeCounters
{
    private long _readings;
    private long _rejectedSamples;
    private long _commands;
    private long _rejectedCommands;
    private long _policyRejections;

    /// <summary>Readings accepted and published.</summary>
    public long Readings => Interlocked.Read(ref _readings);

    /// <summary>Samples refused by validation.</summary>
    public long RejectedSamples => Interlocked.Read(ref _rejectedSamples);

    /// <summary>Commands applied (or found already applied) by actuators.</summary>
    public long Commands => Interlocked.Read(ref _commands);

    /// <summary>Commands refused by an actuator (sender not allowed).</summary>
    public long RejectedCommands => Interlocked.Read(ref _rejectedCommands);

    /// <summary>Domain messages refused by the remoting role policy.</summary>
    public long PolicyRejections => Interlocked.Read(ref _policyRejections);

    internal void Reading() => Interlocked.Increment(ref _readings);

    internal void RejectedSample() => Interlocked.Increment(ref _rejectedSamples);

    internal void Command() => Interlocked.Increment(ref _commands);

    internal void RejectedCommand() => Interlocked.Increment(ref _rejectedCommands);

    internal void PolicyRejection() => Interlocked.Increment(ref _policyRejections);
}
