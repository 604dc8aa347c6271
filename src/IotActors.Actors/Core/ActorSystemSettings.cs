namespace IotActors.Actors;

/// <summary>Immutable settings of an actor system; copy with <c>with</c> or the <c>With*</c> methods.</summary>
public sealed record ActorSystemSettings
{
    /// <summary>The defaults.</summary>
    public static ActorSystemSettings Default { get; } = new();

    /// <summary>Messages an actor processes per dispatcher turn before yielding its thread (default 30).</summary>
    public int Throughput { get; init; } = 30;

    /// <summary>Timeout of <c>Ask</c> when none is given (default 10 s).</summary>
    public TimeSpan DefaultAskTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Capacity of <see cref="Props.BoundedMailboxId"/> mailboxes without an explicit capacity (default 1000).</summary>
    public int DefaultBoundedMailboxCapacity { get; init; } = 1000;

    /// <summary>Stash capacity of actors without <see cref="Props.WithStashCapacity"/> (default unlimited).</summary>
    public int DefaultStashCapacity { get; init; } = int.MaxValue;

    /// <summary>Whether dead letters are logged at Debug level (default true).</summary>
    public bool LogDeadLetters { get; init; } = true;

    /// <summary>Returns a copy with another throughput.</summary>
    public ActorSystemSettings WithThroughput(int throughput) => this with { Throughput = throughput };

    /// <summary>Returns a copy with another default ask timeout.</summary>
    public ActorSystemSettings WithDefaultAskTimeout(TimeSpan timeout) => this with { DefaultAskTimeout = timeout };

    /// <summary>Returns a copy with another default bounded mailbox capacity.</summary>
    public ActorSystemSettings WithDefaultBoundedMailboxCapacity(int capacity) => this with { DefaultBoundedMailboxCapacity = capacity };

    /// <summary>Returns a copy with another default stash capacity.</summary>
    public ActorSystemSettings WithDefaultStashCapacity(int capacity) => this with { DefaultStashCapacity = capacity };

    /// <summary>Throws <see cref="ConfigurationException"/> naming the first invalid value.</summary>
    public void Validate()
    {
        if (Throughput < 1) { throw new ConfigurationException($"Throughput must be at least 1 (was {Throughput})."); }
        if (DefaultAskTimeout <= TimeSpan.Zero) { throw new ConfigurationException($"DefaultAskTimeout must be positive (was {DefaultAskTimeout})."); }
        if (DefaultBoundedMailboxCapacity < 1) { throw new ConfigurationException($"DefaultBoundedMailboxCapacity must be at least 1 (was {DefaultBoundedMailboxCapacity})."); }
        if (DefaultStashCapacity < 1) { throw new ConfigurationException($"DefaultStashCapacity must be at least 1 (was {DefaultStashCapacity})."); }
    }
}
