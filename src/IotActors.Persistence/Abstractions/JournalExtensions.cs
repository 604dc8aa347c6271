namespace IotActors.Persistence;

/// <summary>Convenience calls over <see cref="IJournal"/>.</summary>
public static class JournalExtensions
{
    /// <summary>Replays events into a callback and returns how many were delivered.</summary>
    public static async Task<long> ReplayAsync(this IJournal journal, string persistenceId, long fromSequenceNr, long toSequenceNr, long max, Action<PersistentRepr> onEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(onEvent);
        long count = 0;
        await foreach (var e in journal.ReplayAsync(persistenceId, fromSequenceNr, toSequenceNr, max, cancellationToken).ConfigureAwait(false))
        {
            onEvent(e);
            count++;
        }

        return count;
    }

    /// <summary>Stores a single atomic write and throws its rejection, if any.</summary>
    public static async Task WriteOneAsync(this IJournal journal, AtomicWrite write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(journal);
        var results = await journal.WriteAsync([write], cancellationToken).ConfigureAwait(false);
        if (results[0].Rejection is { } rejection)
        {
            throw rejection;
        }
    }
}
