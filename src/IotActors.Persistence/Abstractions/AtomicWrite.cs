namespace IotActors.Persistence;

/// <summary>Events of one entity that are stored all together or not at all.</summary>
/// <remarks>The events must share one persistence id and have contiguous, ascending sequence numbers.</remarks>
public sealed record AtomicWrite
{
    /// <summary>Creates an atomic write and checks that its events belong together.</summary>
    public AtomicWrite(IReadOnlyList<PersistentRepr> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            throw new ArgumentException("An atomic write needs at least one event.", nameof(events));
        }

        for (var i = 0; i < events.Count; i++)
        {
            events[i].Validate();
            if (i > 0 && (events[i].PersistenceId != events[0].PersistenceId || events[i].SequenceNr != events[i - 1].SequenceNr + 1))
            {
                throw new ArgumentException(
                    $"Events of an atomic write must share one persistence id and have contiguous sequence numbers; event {i} is ({events[i].PersistenceId}, {events[i].SequenceNr}) after ({events[i - 1].PersistenceId}, {events[i - 1].SequenceNr}).",
                    nameof(events));
            }
        }

        Events = events;
    }

    /// <summary>Creates an atomic write of a single event.</summary>
    public AtomicWrite(PersistentRepr single)
        : this([single])
    {
    }

    /// <summary>The events, in sequence order.</summary>
    public IReadOnlyList<PersistentRepr> Events { get; }

    /// <summary>The persistence id shared by all events.</summary>
    public string PersistenceId => Events[0].PersistenceId;

    /// <summary>The lowest sequence number in this write.</summary>
    public long LowestSequenceNr => Events[0].SequenceNr;

    /// <summary>The highest sequence number in this write.</summary>
    public long HighestSequenceNr => Events[^1].SequenceNr;
}
