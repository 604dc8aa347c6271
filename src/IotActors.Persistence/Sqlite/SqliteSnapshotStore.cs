using IotActors.Persistence.Internal;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace IotActors.Persistence.Sqlite;

/// <summary>The embedded snapshot store: its own SQLite file in WAL mode, so snapshots never block journal commits.</summary>
/// <remarks>Thread-safe; writes are serialized on one connection, reads use pooled connections.</remarks>
public sealed class SqliteSnapshotStore : ISnapshotStore
{
    private const string Criteria = "persistence_id = $p AND sequence_nr >= $minSeq AND sequence_nr <= $maxSeq AND timestamp >= $minTs AND timestamp <= $maxTs";
    private readonly SqliteSnapshotStoreOptions _options;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly SqliteConnection _writer;
    private int _disposed;

    private SqliteSnapshotStore(SqliteSnapshotStoreOptions options)
    {
        _options = options;
        _writer = SqliteDatabase.Open(options.FilePath, options.Synchronous);
    }

    /// <summary>The full path of the snapshot file.</summary>
    public string FilePath => _options.FilePath;

    /// <summary>Opens (creating or migrating if needed) the snapshot file.</summary>
    /// <exception cref="PersistenceStoreCorruptedException">The file is not a valid database or fails its integrity check.</exception>
    /// <exception cref="SchemaVersionMismatchException">The file was written by a newer schema version.</exception>
    public static Task<SqliteSnapshotStore> OpenAsync(SqliteSnapshotStoreOptions options, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var log = logger ?? NullLogger.Instance;
        return Task.Run(
            () =>
            {
                SqliteDatabase.Prepare(options.FilePath, options.Synchronous, options.VerifyOnStartup, SqliteSnapshotSchema.Migrations, log);
                var store = new SqliteSnapshotStore(options);
                Log.Opened(log, options.FilePath);
                return store;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task SaveAsync(Snapshot snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentException.ThrowIfNullOrEmpty(snapshot.Metadata.PersistenceId);
        return WriteAsync(
            command =>
            {
                command.CommandText = "INSERT OR REPLACE INTO snapshot (persistence_id, sequence_nr, timestamp, manifest, payload) VALUES ($p, $s, $t, $m, $b);";
                command.Parameters.AddWithValue("$p", snapshot.Metadata.PersistenceId);
                command.Parameters.AddWithValue("$s", snapshot.Metadata.SequenceNr);
                command.Parameters.AddWithValue("$t", snapshot.Metadata.Timestamp.ToUnixTimeMilliseconds());
                command.Parameters.AddWithValue("$m", snapshot.Manifest);
                command.Parameters.AddWithValue("$b", snapshot.Payload);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<Snapshot?> LoadLatestAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(persistenceId);
        ArgumentNullException.ThrowIfNull(criteria);
        await Task.Yield();
        ThrowIfDisposed();
        using var connection = SqliteDatabase.Open(_options.FilePath, _options.Synchronous);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT sequence_nr, timestamp, manifest, payload FROM snapshot WHERE {Criteria} ORDER BY sequence_nr DESC LIMIT 1;";
        AddCriteria(command, persistenceId, criteria);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        return new Snapshot(
            new SnapshotMetadata(persistenceId, reader.GetInt64(0), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1))),
            reader.GetString(2),
            (byte[])reader.GetValue(3));
    }

    /// <inheritdoc />
    public Task DeleteAsync(string persistenceId, long sequenceNr, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(persistenceId);
        return WriteAsync(
            command =>
            {
                command.CommandText = "DELETE FROM snapshot WHERE persistence_id = $p AND sequence_nr = $s;";
                command.Parameters.AddWithValue("$p", persistenceId);
                command.Parameters.AddWithValue("$s", sequenceNr);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task DeleteAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(persistenceId);
        ArgumentNullException.ThrowIfNull(criteria);
        return WriteAsync(
            command =>
            {
                command.CommandText = $"DELETE FROM snapshot WHERE {Criteria};";
                AddCriteria(command, persistenceId, criteria);
            },
            cancellationToken);
    }

    /// <summary>Closes the file after pending writes finished.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await _writeLock.WaitAsync().ConfigureAwait(false);
            _writer.Dispose();
            using var pooled = new SqliteConnection(SqliteDatabase.ConnectionString(_options.FilePath));
            SqliteConnection.ClearPool(pooled);
            _writeLock.Release();
        }
    }

    private static void AddCriteria(SqliteCommand command, string persistenceId, SnapshotSelectionCriteria criteria)
    {
        command.Parameters.AddWithValue("$p", persistenceId);
        command.Parameters.AddWithValue("$minSeq", criteria.MinSequenceNr);
        command.Parameters.AddWithValue("$maxSeq", criteria.MaxSequenceNr);
        command.Parameters.AddWithValue("$minTs", criteria.MinTimestampMs);
        command.Parameters.AddWithValue("$maxTs", criteria.MaxTimestampMs);
    }

    private async Task WriteAsync(Action<SqliteCommand> prepare, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfDisposed();
            await Task.Run(
                () =>
                {
                    using var command = _writer.CreateCommand();
                    prepare(command);
                    command.ExecuteNonQuery();
                },
                CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private void ThrowIfDisposed()
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            throw new PersistenceStoreClosedException(_options.FilePath);
        }
    }
}
