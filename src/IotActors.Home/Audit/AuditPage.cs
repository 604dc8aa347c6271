namespace IotActors.Home.Audit;

/// <summary>A page of audit records, newest first, and the cursor for the next (older) page.</summary>
/// <param name="Items">The records, newest first.</param>
/// <param name="NextBefore">Pass as <see cref="AuditQuery.Before"/> to get the next page; null when this is the last.</param>
public sealed record AuditPage(IReadOnlyList<AuditRecord> Items, long? NextBefore);
