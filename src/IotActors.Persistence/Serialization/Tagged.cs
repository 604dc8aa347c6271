namespace IotActors.Persistence;

/// <summary>Wraps an event to persist it with tags for EventsByTag; only <paramref name="Payload"/> is stored and replayed.</summary>
/// <param name="Payload">The event itself.</param>
/// <param name="Tags">The tags to store with it.</param>
public sealed record Tagged(object Payload, IReadOnlyList<string> Tags);
