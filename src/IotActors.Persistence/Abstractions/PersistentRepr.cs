namespace IotActors.Persistence;

/// <summary>One serialized event of one persistent entity, as stored in the journal.</summary>
/// <param name="PersistenceId">The id of the entity the event belongs to.</param>
/// <param name="SequenceNr">The event's position in the entity's stream, starting at 1.</param>
/// <param name="Manifest">A type hint the serializer uses to decode <paramref name="Payload"/>.</param>
/// <param name="Payload">The serialized event.</param>
public sealed record PersistentRepr(string PersistenceId, long SequenceNr, string Manifest, byte[] Payload)
{
    /// <summary>Tags the event can be queried by across entities (EventsByTag).</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>When the event was written; the store stamps it if left at its default.</summary>
    public DateTimeOffset Timestamp { get; init; }

    internal void Validate()
    {
        if (string.IsNullOrEmpty(PersistenceId))
        {
            throw new ArgumentException("PersistenceId must not be empty.", nameof(PersistenceId));
        }

        if (SequenceNr < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(SequenceNr), SequenceNr, "Sequence numbers start at 1.");
        }

        ArgumentNullException.ThrowIfNull(Manifest);
        ArgumentNullException.ThrowIfNull(Payload);
        foreach (var tag in Tags)
        {
            Internal.TagCodec.ValidateTag(tag);
        }
    }
}
