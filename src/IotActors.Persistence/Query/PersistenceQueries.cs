using System.Runtime.CompilerServices;

namespace IotActors.Persistence;

/// <summary>Journal queries that return deserialized events; an event whose manifest is unknown ends the stream with <see cref="UnknownManifestException"/>.</summary>
/// <remarks>Thread-safe; each call opens its own stream.</remarks>
public sealed class PersistenceQueries
{
    private readonly IReadJournal _readJournal;
    private readonly PersistenceSerializer _serializer;

    /// <summary>Creates the queries over a read journal and a serializer.</summary>
    public PersistenceQueries(IReadJournal readJournal, PersistenceSerializer serializer)
    {
        _readJournal = readJournal ?? throw new ArgumentNullException(nameof(readJournal));
        _serializer = serializer ?? throw new ArgumentNullException(nameof(serializer));
    }

    /// <summary>Streams the stored events of one entity between the bounds (inclusive), then completes.</summary>
    public async IAsyncEnumerable<EventEnvelope> CurrentEventsByPersistenceId(string persistenceId, long fromSequenceNr, long toSequenceNr, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var e in _readJournal.CurrentEventsByPersistenceId(persistenceId, fromSequenceNr, toSequenceNr, cancellationToken).ConfigureAwait(false))
        {
            yield return ToEnvelope(e.SequenceNr, e);
        }
    }

    /// <summary>Streams the events tagged <paramref name="tag"/> after <paramref name="offset"/> stored now, then completes.</summary>
    public async IAsyncEnumerable<EventEnvelope> CurrentEventsByTag(string tag, long offset, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var t in _readJournal.CurrentEventsByTag(tag, offset, cancellationToken).ConfigureAwait(false))
        {
            yield return ToEnvelope(t.Offset, t.Event);
        }
    }

    /// <summary>Streams the events tagged <paramref name="tag"/> after <paramref name="offset"/>, then follows new ones until cancelled.</summary>
    public async IAsyncEnumerable<EventEnvelope> EventsByTag(string tag, long offset, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var t in _readJournal.EventsByTag(tag, offset, cancellationToken).ConfigureAwait(false))
        {
            yield return ToEnvelope(t.Offset, t.Event);
        }
    }

    private EventEnvelope ToEnvelope(long offset, PersistentRepr e) =>
        new(offset, e.PersistenceId, e.SequenceNr, _serializer.Deserialize(e.Manifest, e.Payload), e.Timestamp, e.Tags);
}
