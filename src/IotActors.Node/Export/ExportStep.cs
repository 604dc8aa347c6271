namespace IotActors.Node.Export;

/// <summary>What one export attempt did.</summary>
internal enum ExportStep
{
    /// <summary>Nothing was due.</summary>
    Idle,
    /// <summary>A batch was delivered.</summary>
    Sent,
    /// <summary>The attempt failed; the batch stays in the outbox under its key.</summary>
    Failed,
}
