namespace IotActors.Persistence;

/// <summary>A stored event, deserialized, as returned by the persistence queries.</summary>
/// <param name="Offset">Resume a tag query after this value; for queries by persistence id it is the sequence number.</param>
/// <param name="PersistenceId">The entity the event belongs to.</param>
/// <param name="SequenceNr">The event's position in the entity's stream.</param>
/// <param name="Event">The deserialized event.</param>
/// <param name="Timestamp">When the event was written.</param>
/// <param name="Tags">The event's tags.</param>
public sealed record EventEnvelope(long Offset, string PersistenceId, long SequenceNr, object Event, DateTimeOffset Timestamp, IReadOnlyList<string> Tags);
