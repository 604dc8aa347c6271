namespace IotActors.Node.Export;

/// <summary>Readings claimed for one upload, with the idempotency key that every retry of them reuses.</summary>
internal sealed record OutboxBatch(string Key, IReadOnlyList<long> Ids, IReadOnlyList<string> Payloads);
