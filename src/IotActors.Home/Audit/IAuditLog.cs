using IotActors.Home.Model;

namespace IotActors.Home.Audit;

/// <summary>An append-only trail of who did what; queried newest first with keyset paging.</summary>
public interface IAuditLog
{
    /// <summary>Stores an entry durably and returns its id.</summary>
    Task<long> AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Reads one page, newest first.</summary>
    Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default);
}
