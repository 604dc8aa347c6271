using IotActors.Home.Model;

namespace IotActors.Home.Audit;

/// <summary>A stored audit entry with its id (ids increase with every append).</summary>
public sealed record AuditRecord(long Id, AuditEntry Entry);
