using IotActors.Persistence.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace IotActors.Persistence.Postgres;

/// <summary>The PostgreSQL snapshot store; shares the schema (and its version) with the PostgreSQL journal.</summary>
/// <remarks>Thread-safe.</remarks>
public sealed class PostgresSnapshotStore : ISnapshotStore
{
    private const string Criteria = "persistence_id = $1 AND sequence_nr >= $2 AND sequence_nr <= $3 AND timestamp >= $4 AND timestamp <= $5";
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _schema;

    private PostgresSnapshotStore(PostgresSnapshotStoreOptions options, NpgsqlDataSource dataSource)
    {
        _dataSource = dataSource;
        _schema = PostgresSchema.Quote(options.Schema);
    }

    /// <summary>Connects and creates or migrates the schema.</summary>
    /// <exception cref="SchemaVersionMismatchException">The schema was written by a newer version.</exception>
    public static async Task<PostgresSnapshotStore> OpenAsync(PostgresSnapshotStoreOptions options, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        PostgresSchema.Quote(options.Schema);
        var log = logger ?? NullLogger.Instance;
        var dataSource = NpgsqlDataSource.Create(options.ConnectionString);
        try
        {
            await PostgresSchema.MigrateAsync(dataSource, options.Schema, PostgresSchema.Migrations.Count, log, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        Log.Opened(log, options.Schema);
        return new PostgresSnapshotStore(options, dataSource);
    }

    /// <inheritdoc />
    public async Task SaveAsync(Snapshot snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentException.ThrowIfNullOrEmpty(snapshot.Metadata.PersistenceId);
        await using var command = _dataSource.CreateCommand($"""
            INSERT INTO {_schema}.snapshot (persistence_id, sequence_nr, timestamp, manifest, payload) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (persistence_id, sequence_nr) DO UPDATE SET timestamp = excluded.timestamp, manifest = excluded.manifest, payload = excluded.payload
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = snapshot.Metadata.PersistenceId });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = snapshot.Metadata.SequenceNr });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = snapshot.Metadata.Timestamp.ToUnixTimeMilliseconds() });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = snapshot.Manifest });
        command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = snapshot.Payload });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<Snapshot?> LoadLatestAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(persistenceId);
        ArgumentNullException.ThrowIfNull(criteria);
        await using var command = _dataSource.CreateCommand($"SELECT sequence_nr, timestamp, manifest, payload FROM {_schema}.snapshot WHERE {Criteria} ORDER BY sequence_nr DESC LIMIT 1");
        AddCriteria(command, persistenceId, criteria);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new Snapshot(
            new SnapshotMetadata(persistenceId, reader.GetInt64(0), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1))),
            reader.GetString(2),
            reader.GetFieldValue<byte[]>(3));
    }

    /// <inheritdoc />
    public async Task DeleteAsync(string persistenceId, long sequenceNr, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(persistenceId);
        await using var command = _dataSource.CreateCommand($"DELETE FROM {_schema}.snapshot WHERE persistence_id = $1 AND sequence_nr = $2");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = persistenceId });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = sequenceNr });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task DeleteAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(persistenceId);
        ArgumentNullException.ThrowIfNull(criteria);
        await using var command = _dataSource.CreateCommand($"DELETE FROM {_schema}.snapshot WHERE {Criteria}");
        AddCriteria(command, persistenceId, criteria);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Closes the connection pool.</summary>
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private static void AddCriteria(NpgsqlCommand command, string persistenceId, SnapshotSelectionCriteria criteria)
    {
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = persistenceId });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = criteria.MinSequenceNr });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = criteria.MaxSequenceNr });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = criteria.MinTimestampMs });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = criteria.MaxTimestampMs });
    }
}
