using IotActors.Persistence.Postgres;
using IotActors.Persistence.Sqlite;
using Microsoft.Extensions.Logging;

namespace IotActors.Persistence;

/// <summary>Opens a journal and a snapshot store of one kind together, ready for <see cref="PersistenceExtension.Register"/>.</summary>
public static class PersistenceStores
{
    /// <summary>Opens the SQLite journal and snapshot files (creating or migrating them); a damaged file throws <see cref="PersistenceStoreCorruptedException"/> naming it.</summary>
    public static async Task<PersistenceSetup> OpenSqliteAsync(SqliteJournalOptions journal, SqliteSnapshotStoreOptions snapshots, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(snapshots);
        if (string.Equals(journal.FilePath, snapshots.FilePath, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The journal and the snapshot store must use different files; both are '{journal.FilePath}'.", nameof(snapshots));
        }

        var j = await SqliteJournal.OpenAsync(journal, logger, cancellationToken).ConfigureAwait(false);
        try
        {
            var s = await SqliteSnapshotStore.OpenAsync(snapshots, logger, cancellationToken).ConfigureAwait(false);
            return new PersistenceSetup(j, j, s);
        }
        catch
        {
            await j.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Connects to PostgreSQL and opens the journal and snapshot store (creating or migrating the schema).</summary>
    public static async Task<PersistenceSetup> OpenPostgresAsync(PostgresJournalOptions journal, PostgresSnapshotStoreOptions snapshots, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(snapshots);
        var j = await PostgresJournal.OpenAsync(journal, logger, cancellationToken).ConfigureAwait(false);
        try
        {
            var s = await PostgresSnapshotStore.OpenAsync(snapshots, logger, cancellationToken).ConfigureAwait(false);
            return new PersistenceSetup(j, j, s);
        }
        catch
        {
            await j.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
