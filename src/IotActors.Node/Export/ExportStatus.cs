namespace IotActors.Node.Export;

/// <summary>The state of the upstream export, for the API and <c>iotactors export status</c>.</summary>
/// <param name="Queued">Readings waiting in the outbox.</param>
/// <param name="Sent">Readings delivered since the outbox was created.</param>
/// <param name="Dropped">Oldest readings dropped because the outbox was full.</param>
/// <param name="LastError">The last failure, or null after a success.</param>
/// <param name="NextAttempt">When the next attempt is due after a failure, or null.</param>
/// <param name="LastSuccess">When a batch was last delivered, or null.</param>
public sealed record ExportStatus(long Queued, long Sent, long Dropped, string? LastError, DateTimeOffset? NextAttempt, DateTimeOffset? LastSuccess);
