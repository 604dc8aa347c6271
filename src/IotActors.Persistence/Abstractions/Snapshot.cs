namespace IotActors.Persistence;

/// <summary>A serialized state of an entity covering all events up to <see cref="SnapshotMetadata.SequenceNr"/>.</summary>
public sealed record Snapshot(SnapshotMetadata Metadata, string Manifest, byte[] Payload);
