using System.Runtime.CompilerServices;
using IotActors.Persistence.Internal;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace IotActors.Persistence.Sqlite;

/// <summary>The embedded journal: one SQLite file in WAL mode, written by a single group-commit writer.</summary>
/// <remarks>Thread-safe. Use one instance per file and process; readers run concurrently with the writer.</remarks>
public sealed class SqliteJournal : IJournal, IReadJournal, IInlineWriteJournal
{
    private const string Columns = "ordering, persistence_id, sequence_nr, timestamp, manifest, payload, tags";
    private readonly SqliteJournalOptions _options;
    private readonly SqliteJournalWriter _writer;
    private readonly CommitSignal _signal = new();
    private int _disposed;

    private SqliteJournal(SqliteJournalOptions options, ILogger logger)
    {
        _options = options;
        _writer = new SqliteJournalWriter(options, logger, _signal);
    }

    /// <summary>The full path of the journal file.</summary>
    public string FilePath => _options.FilePath;

    /// <summary>Opens (creating or migrating if needed) the journal file.</summary>
    /// <exception cref="PersistenceStoreCorruptedException">The file is not a valid database or fails its integrity check.</exception>
    /// <exception cref="SchemaVersionMismatchException">The file was written by a newer schema version.</exception>
    public static Task<SqliteJournal> OpenAsync(SqliteJournalOptions options, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxBatchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ReadPageSize, 1);
        var log = logger ?? NullLogger.Instance;
        return Task.Run(
            () =>
            {
                SqliteDatabase.Prepare(options.FilePath, options.Synchronous, options.VerifyOnStartup, SqliteJournalSchema.Migrations, log);
                var journal = new SqliteJournal(options, log);
                Log.Opened(log, options.FilePath);
                return journal;
            },
            cancellationToken);
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
        using var connection = OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT max(coalesce((SELECT max(sequence_nr) FROM journal WHERE persistence_id = $p), 0),
                       coalesce((SELECT max_deleted_seq FROM journal_metadata WHERE persistence_id = $p), 0));
            """;
        command.Parameters.AddWithValue("$p", persistenceId);
        return (long)command.ExecuteScalar()!;
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

    /// <summary>Stops the writer after it committed every queued write, and closes the file.</summary>
    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _writer.Dispose();
            using var connection = new SqliteConnection(SqliteDatabase.ConnectionString(_options.FilePath));
            SqliteConnection.ClearPool(connection);
        }

        return ValueTask.CompletedTask;
    }

    private void Enqueue(JournalOp op)
    {
        if (Volatile.Read(ref _disposed) != 0 || !_writer.TryEnqueue(op))
        {
            throw new PersistenceStoreClosedException(_options.FilePath);
        }
    }

    private SqliteConnection OpenReader()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return SqliteDatabase.Open(_options.FilePath, _options.Synchronous);
    }

    private async IAsyncEnumerable<PersistentRepr> ReadByPersistenceId(string persistenceId, long from, long to, long max, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        using var connection = OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM journal WHERE persistence_id = $p AND sequence_nr >= $from AND sequence_nr <= $to ORDER BY sequence_nr LIMIT $n;";
        command.Parameters.AddWithValue("$p", persistenceId);
        var fromParam = command.Parameters.AddWithValue("$from", from);
        command.Parameters.AddWithValue("$to", to);
        var limit = command.Parameters.AddWithValue("$n", 0L);
        long delivered = 0;
        while (delivered < max)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = (int)Math.Min(_options.ReadPageSize, max - delivered);
            limit.Value = page;
            var rows = 0;
            var last = 0L;
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
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

            fromParam.Value = last + 1;
        }
    }

    private async IAsyncEnumerable<TaggedEvent> ReadByTag(string tag, long offset, bool live, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        using var connection = OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT j.{Columns.Replace(", ", ", j.", StringComparison.Ordinal)} FROM event_tags t JOIN journal j ON j.ordering = t.ordering
            WHERE t.tag = $tag AND t.ordering > $offset AND t.ordering <= $upto ORDER BY t.ordering LIMIT $n;
            """;
        command.Parameters.AddWithValue("$tag", tag);
        var offsetParam = command.Parameters.AddWithValue("$offset", offset);
        var upto = command.Parameters.AddWithValue("$upto", long.MaxValue);
        command.Parameters.AddWithValue("$n", _options.ReadPageSize);
        if (!live)
        {
            upto.Value = SqliteDatabase.ExecuteScalar(connection, "SELECT coalesce(max(ordering), 0) FROM journal;");
        }

        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var commit = _signal.WaitAsync();
            var rows = 0;
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    var e = ReadRepr(reader);
                    offset = reader.GetInt64(0);
                    rows++;
                    yield return new TaggedEvent(offset, e);
                }
            }

            offsetParam.Value = offset;
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

    private static PersistentRepr ReadRepr(SqliteDataReader reader) =>
        new(reader.GetString(1), reader.GetInt64(2), reader.GetString(4), (byte[])reader.GetValue(5))
        {
            Timestamp = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
            Tags = TagCodec.Decode(reader.IsDBNull(6) ? null : reader.GetString(6)),
        };
}
