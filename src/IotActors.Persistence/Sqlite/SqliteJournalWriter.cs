using System.Threading.Channels;
using IotActors.Persistence.Internal;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace IotActors.Persistence.Sqlite;

/// <summary>The single writer thread of a SQLite journal: takes every queued op and commits them in one transaction.</summary>
internal sealed class SqliteJournalWriter : IDisposable
{
    private const int SqliteConstraint = 19;
    private readonly Channel<JournalOp> _queue = Channel.CreateUnbounded<JournalOp>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SqliteConnection _connection;
    private readonly SqliteJournalOptions _options;
    private readonly ILogger _logger;
    private readonly CommitSignal _signal;
    private readonly Thread _thread;
    // Released once per enqueue: wakes the writer thread directly (WaitToReadAsync would first hop through the thread pool).
    private readonly SemaphoreSlim _wake = new(0);
    private readonly List<JournalOp> _batch = [];
    private SqliteCommand? _insert;
    private SqliteCommand? _insertTag;

    public SqliteJournalWriter(SqliteJournalOptions options, ILogger logger, CommitSignal signal)
    {
        _options = options;
        _logger = logger;
        _signal = signal;
        _connection = SqliteDatabase.Open(options.FilePath, options.Synchronous);
        _thread = new Thread(Run) { IsBackground = true, Name = "iotactors-journal-writer" };
        _thread.Start();
    }

    public bool TryEnqueue(JournalOp op)
    {
        if (!_queue.Writer.TryWrite(op))
        {
            return false;
        }

        _wake.Release();
        return true;
    }

    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _wake.Release();
        _thread.Join();
        _wake.Dispose();
        _insert?.Dispose();
        _insertTag?.Dispose();
        _connection.Dispose();
    }

    private void Run()
    {
        var reader = _queue.Reader;
        while (true)
        {
            _wake.Wait();
            _batch.Clear();
            var size = 0;
            while (size < _options.MaxBatchSize && reader.TryRead(out var op))
            {
                _batch.Add(op);
                size += op.Size;
            }

            if (_batch.Count > 0)
            {
                Commit(size);
            }
            else if (reader.Completion.IsCompleted)
            {
                return;
            }

            // Otherwise an earlier batch already took the ops this release was for.
        }
    }

    private void Commit(int size)
    {
        if (_batch.TrueForAll(op => op is BarrierOp))
        {
            _batch.ForEach(op => op.Complete());
            return;
        }

        try
        {
            using (var tx = _connection.BeginTransaction(deferred: false))
            {
                foreach (var op in _batch)
                {
                    switch (op)
                    {
                        case WriteOp write:
                            for (var i = 0; i < write.Writes.Count; i++)
                            {
                                write.Results[i] = Insert(tx, write.Writes[i]);
                            }

                            break;
                        case DeleteOp delete:
                            Delete(tx, delete);
                            break;
                    }
                }

                tx.Commit();
            }

            foreach (var op in _batch)
            {
                op.Complete();
            }

            _signal.Pulse();
        }
        catch (Exception ex)
        {
            Log.BatchFailed(_logger, ex, _options.FilePath, size);
            var failure = new JournalWriteFailedException(_options.FilePath, ex);
            foreach (var op in _batch)
            {
                op.Fail(failure);
            }
        }
    }

    private WriteResult Insert(SqliteTransaction tx, AtomicWrite write)
    {
        var multi = write.Events.Count > 1;
        if (multi)
        {
            Exec(tx, "SAVEPOINT aw;");
        }

        try
        {
            foreach (var e in write.Events)
            {
                InsertEvent(tx, e);
            }

            if (multi)
            {
                Exec(tx, "RELEASE aw;");
            }

            return WriteResult.Success;
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == SqliteConstraint)
        {
            if (multi)
            {
                Exec(tx, "ROLLBACK TO aw; RELEASE aw;");
            }

            return new WriteResult(new SequenceNumberConflictException(write.PersistenceId, write.LowestSequenceNr, write.HighestSequenceNr));
        }
    }

    private void InsertEvent(SqliteTransaction tx, PersistentRepr e)
    {
        if (_insert is null)
        {
            _insert = _connection.CreateCommand();
            _insert.CommandText = "INSERT INTO journal (persistence_id, sequence_nr, timestamp, manifest, payload, tags) VALUES ($p, $s, $t, $m, $b, $g);";
            foreach (var name in new[] { "$p", "$s", "$t", "$m", "$b", "$g" })
            {
                _insert.Parameters.Add(new SqliteParameter { ParameterName = name });
            }

            _insertTag = _connection.CreateCommand();
            _insertTag.CommandText = "INSERT INTO event_tags (tag, ordering) VALUES ($tag, last_insert_rowid());";
            _insertTag.Parameters.Add(new SqliteParameter { ParameterName = "$tag" });
        }

        var p = _insert.Parameters;
        _insert.Transaction = tx;
        p[0].Value = e.PersistenceId;
        p[1].Value = e.SequenceNr;
        p[2].Value = e.Timestamp == default ? _options.TimeProvider.GetUtcNow().ToUnixTimeMilliseconds() : e.Timestamp.ToUnixTimeMilliseconds();
        p[3].Value = e.Manifest;
        p[4].Value = e.Payload;
        p[5].Value = (object?)TagCodec.Encode(e.Tags) ?? DBNull.Value;
        _insert.ExecuteNonQuery();
        foreach (var tag in e.Tags)
        {
            _insertTag!.Transaction = tx;
            _insertTag.Parameters[0].Value = tag;
            _insertTag.ExecuteNonQuery();
        }
    }

    private void Delete(SqliteTransaction tx, DeleteOp op)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = """
            DELETE FROM event_tags WHERE ordering IN (SELECT ordering FROM journal WHERE persistence_id = $p AND sequence_nr <= $to);
            INSERT INTO journal_metadata (persistence_id, max_deleted_seq)
            SELECT $p, m FROM (SELECT max(sequence_nr) AS m FROM journal WHERE persistence_id = $p AND sequence_nr <= $to) WHERE m IS NOT NULL
            ON CONFLICT (persistence_id) DO UPDATE SET max_deleted_seq = max(max_deleted_seq, excluded.max_deleted_seq);
            DELETE FROM journal WHERE persistence_id = $p AND sequence_nr <= $to;
            """;
        command.Parameters.AddWithValue("$p", op.PersistenceId);
        command.Parameters.AddWithValue("$to", op.ToSequenceNr);
        command.ExecuteNonQuery();
    }

    private void Exec(SqliteTransaction tx, string sql)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
