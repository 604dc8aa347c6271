namespace IotActors.Persistence;

/// <summary>An event found by tag, with the global offset to resume a tag query after it.</summary>
/// <param name="Offset">The journal's global ordering value of the event; resume with this offset.</param>
/// <param name="Event">The event.</param>
public sealed record TaggedEvent(long Offset, PersistentRepr Event);
