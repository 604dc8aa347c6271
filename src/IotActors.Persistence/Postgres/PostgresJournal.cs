using System.Runtime.CompilerServices;
using IotActors.Persistence.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace IotActors.Persistence.Postgres;

/// <summary>The PostgreSQL journal for sites with a shared server; writes are group-committed by one writer loop.</summary>
/// <remarks>
/// Thread-safe. Tag-query offsets are the journal's identity column; with one journal instance per schema they
/// grow in commit order. Several processes writing the same schema can commit offsets out of order, so a live
/// tag query may then miss an event committed late with a lower offset.
/// </remarks>
public sealed class PostgresJournal : IJournal, IReadJournal, IInlineWriteJournal
{
    private const string Columns = "ordering, persistence_id, sequence_nr, timestamp, manifest, payload, tags";
    private readonly PostgresJournalOptions _options;
    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresJournalWriter _writer;
    private readonly CommitSignal _signal = new();
    private readonly string _schema;
    private int _disposed;

    private PostgresJournal(PostgresJournalOptions options, NpgsqlDataSource dataSource, ILogger logger)
    {
        _options = options;
        _dataSource = dataSource;
        _schema = PostgresSchema.Quote(options.Schema);
        _writer = new PostgresJournalWriter(dataSource, options, logger, _signal);
    }

    /// <summary>Connects, creates or migrates the schema, and starts the writer.</summary>
    /// <exception cref="SchemaVersionMismatchException">The schema was written by a newer version.</exception>
    public static async Task<PostgresJournal> OpenAsync(PostgresJournalOptions options, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxBatchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ReadPageSize, 1);
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
        return new PostgresJournal(options, dataSource, log);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<WriteResult>> WriteAsync(IReadOnlyList<AtomicWrite> writes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writes);
        if (writes.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<WriteResult>>([]);
        }

        return Write(writes, inlineContinuations: false);
    }

    /// <inheritdoc />
    Task<IReadOnlyList<WriteResult>> IInlineWriteJournal.WriteWithInlineCompletion(IReadOnlyList<AtomicWrite> writes) =>
        Write(writes, inlineContinuations: true);

    private Task<IReadOnlyList<WriteResult>> Write(IReadOnlyList<AtomicWrite> writes, bool inlineContinuations)
    {
        var op = new WriteOp(writes, inlineContinuations);
        Enqueue(op);
        return op.Done.Task;
    }

    /// <inheritdoc />
    public Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(persistenceId);
        var op = new DeleteOp(persistenceId, toSequenceNr);
        Enqueue(op);
        return op.Done.Task;
    }

    /// <inheritdoc />
    public async Task<long> ReadHighestSequenceNrAsync(string persistenceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(persistenceId);
        var barrier = new BarrierOp();
        Enqueue(barrier);
        await barrier.Done.Task.WaitAsync(cancellationToken).ConfigureAwait(false); // writes already queued count too
        await using var command = _dataSource.CreateCommand($"""
            SELECT GREATEST(coalesce((SELECT max(sequence_nr) FROM {_schema}.journal WHERE persistence_id = $1), 0),
                            coalesce((SELECT max_deleted_seq FROM {_schema}.journal_metadata WHERE persistence_id = $1), 0))
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = persistenceId });
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <inheritdoc />
    public IAsyncEnumerable<PersistentRepr> ReplayAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, long max, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(persistenceId);
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        return ReadByPersistenceId(persistenceId, fromSequenceNr, toSequenceNr, max, cancellationToken);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<PersistentRepr> CurrentEventsByPersistenceId(string persistenceId, long fromSequenceNr, long toSequenceNr, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(persistenceId);
        return ReadByPersistenceId(persistenceId, fromSequenceNr, toSequenceNr, long.MaxValue, cancellationToken);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<TaggedEvent> CurrentEventsByTag(string tag, long offset, CancellationToken cancellationToken = default)
    {
        TagCodec.ValidateTag(tag);
        return ReadByTag(tag, offset, live: false, cancellationToken);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<TaggedEvent> EventsByTag(string tag, long offset, CancellationToken cancellationToken)
    {
        TagCodec.ValidateTag(tag);
        return ReadByTag(tag, offset, live: true, cancellationToken);
    }

    /// <summary>Stops the writer after it committed every queued write, and closes the connection pool.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await _writer.StopAsync().ConfigureAwait(false);
            await _dataSource.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void Enqueue(JournalOp op)
    {
        if (Volatile.Read(ref _disposed) != 0 || !_writer.TryEnqueue(op))
        {
            throw new PersistenceStoreClosedException(_options.Schema);
        }
    }

    private async IAsyncEnumerable<PersistentRepr> ReadByPersistenceId(string persistenceId, long from, long to, long max, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long delivered = 0;
        while (delivered < max)
        {
            var page = (int)Math.Min(_options.ReadPageSize, max - delivered);
            await using var command = _dataSource.CreateCommand($"SELECT {Columns} FROM {_schema}.journal WHERE persistence_id = $1 AND sequence_nr >= $2 AND sequence_nr <= $3 ORDER BY sequence_nr LIMIT $4");
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = persistenceId });
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = from });
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = to });
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = page });
            var rows = 0;
            var last = 0L;
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var e = ReadRepr(reader);
                    last = e.SequenceNr;
                    rows++;
                    yield return e;
                }
            }

            delivered += rows;
            if (rows < page || last >= to)
            {
                yield break;
            }

            from = last + 1;
        }
    }

    private async IAsyncEnumerable<TaggedEvent> ReadByTag(string tag, long offset, bool live, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var upto = long.MaxValue;
        if (!live)
        {
            await using var max = _dataSource.CreateCommand($"SELECT coalesce(max(ordering), 0) FROM {_schema}.journal");
            upto = (long)(await max.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        while (true)
        {
            var commit = _signal.WaitAsync();
            await using var command = _dataSource.CreateCommand($"SELECT {Columns} FROM {_schema}.journal WHERE tags @> ARRAY[$1]::text[] AND ordering > $2 AND ordering <= $3 ORDER BY ordering LIMIT $4");
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = tag });
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = offset });
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = upto });
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = _options.ReadPageSize });
            var rows = 0;
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    offset = reader.GetInt64(0);
                    rows++;
                    yield return new TaggedEvent(offset, ReadRepr(reader));
                }
            }

            if (rows < _options.ReadPageSize)
            {
                if (!live)
                {
                    yield break;
                }

                await _signal.WaitForCommitOrPollAsync(commit, _options.TagPollInterval, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static PersistentRepr ReadRepr(NpgsqlDataReader reader) =>
        new(reader.GetString(1), reader.GetInt64(2), reader.GetString(4), reader.GetFieldValue<byte[]>(5))
        {
            Timestamp = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
            Tags = reader.GetFieldValue<string[]>(6),
        };
}
