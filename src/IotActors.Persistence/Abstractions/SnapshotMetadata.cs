namespace IotActors.Persistence;

/// <summary>Identifies a snapshot: the entity, the sequence number it covers and when it was taken.</summary>
public sealed record SnapshotMetadata(string PersistenceId, long SequenceNr, DateTimeOffset Timestamp);
