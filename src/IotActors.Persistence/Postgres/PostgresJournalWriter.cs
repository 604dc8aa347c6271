using System.Threading.Channels;
using IotActors.Persistence.Internal;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace IotActors.Persistence.Postgres;

/// <summary>The single group-commit writer of a PostgreSQL journal: every queued op goes into one transaction.</summary>
internal sealed class PostgresJournalWriter
{
    private readonly Channel<JournalOp> _queue = Channel.CreateUnbounded<JournalOp>(new UnboundedChannelOptions { SingleReader = true });
    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresJournalOptions _options;
    private readonly ILogger _logger;
    private readonly CommitSignal _signal;
    private readonly string _insertSql;
    private readonly string _deleteSql;
    private readonly string _undoSql;
    private readonly Task _loop;

    public PostgresJournalWriter(NpgsqlDataSource dataSource, PostgresJournalOptions options, ILogger logger, CommitSignal signal)
    {
        _dataSource = dataSource;
        _options = options;
        _logger = logger;
        _signal = signal;
        var s = PostgresSchema.Quote(options.Schema);
        _insertSql = $"""
            INSERT INTO {s}.journal (persistence_id, sequence_nr, timestamp, manifest, payload, tags)
            SELECT u.p, u.s, u.t, u.m, u.b, coalesce(string_to_array(u.g, chr(31)), ARRAY[]::text[])
            FROM unnest($1::text[], $2::bigint[], $3::bigint[], $4::text[], $5::bytea[], $6::text[]) WITH ORDINALITY AS u(p, s, t, m, b, g, i)
            WHERE NOT EXISTS (SELECT 1 FROM {s}.journal_metadata md WHERE md.persistence_id = u.p AND md.max_deleted_seq >= u.s)
            ORDER BY u.i
            ON CONFLICT (persistence_id, sequence_nr) DO NOTHING RETURNING persistence_id, sequence_nr, ordering
            """;
        _deleteSql = $"""
            WITH m AS (SELECT max(sequence_nr) AS m FROM {s}.journal WHERE persistence_id = $1 AND sequence_nr <= $2),
                 d AS (DELETE FROM {s}.journal WHERE persistence_id = $1 AND sequence_nr <= $2)
            INSERT INTO {s}.journal_metadata (persistence_id, max_deleted_seq) SELECT $1, m FROM m WHERE m IS NOT NULL
            ON CONFLICT (persistence_id) DO UPDATE SET max_deleted_seq = GREATEST({s}.journal_metadata.max_deleted_seq, excluded.max_deleted_seq)
            """;
        _undoSql = $"DELETE FROM {s}.journal WHERE ordering = ANY($1)";
        _loop = Task.Run(RunAsync);
    }

    public bool TryEnqueue(JournalOp op) => _queue.Writer.TryWrite(op);

    public Task StopAsync()
    {
        _queue.Writer.TryComplete();
        return _loop;
    }

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<JournalOp>();
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            var size = 0;
            while (size < _options.MaxBatchSize && reader.TryRead(out var op))
            {
                batch.Add(op);
                size += op.Size;
            }

            try
            {
                if (batch.Any(op => op is not BarrierOp))
                {
                    await CommitAsync(batch).ConfigureAwait(false);
                }

                foreach (var op in batch)
                {
                    op.Complete();
                }

                _signal.Pulse();
            }
            catch (Exception ex)
            {
                Log.BatchFailed(_logger, ex, _options.Schema, size);
                var failure = new JournalWriteFailedException(_options.Schema, ex);
                foreach (var op in batch)
                {
                    op.Fail(failure);
                }
            }
        }
    }

    private async Task CommitAsync(List<JournalOp> ops)
    {
        await using var connection = await _dataSource.OpenConnectionAsync().ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync().ConfigureAwait(false);
        await using var batch = new NpgsqlBatch(connection, tx);
        var now = _options.TimeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        var segments = new List<List<PendingEvent>?>();
        var pending = new List<PendingEvent>();
        var seen = new HashSet<(string, long)>();
        var states = new Dictionary<(WriteOp, int), AtomicState>();
        foreach (var op in ops)
        {
            if (op is WriteOp write)
            {
                for (var i = 0; i < write.Writes.Count; i++)
                {
                    var state = new AtomicState();
                    states[(write, i)] = state;
                    foreach (var e in write.Writes[i].Events)
                    {
                        if (seen.Add((e.PersistenceId, e.SequenceNr)))
                        {
                            pending.Add(new PendingEvent(e, state));
                        }
                        else
                        {
                            state.Conflict = true;
                        }
                    }
                }
            }
            else if (op is DeleteOp delete)
            {
                AddInsert(batch, pending, now, segments);
                pending = [];
                seen.Clear();
                var command = new NpgsqlBatchCommand(_deleteSql);
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = delete.PersistenceId, NpgsqlDbType = NpgsqlDbType.Text });
                command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = delete.ToSequenceNr, NpgsqlDbType = NpgsqlDbType.Bigint });
                batch.BatchCommands.Add(command);
                segments.Add(null);
            }
        }

        AddInsert(batch, pending, now, segments);
        await using (var reader = await batch.ExecuteReaderAsync().ConfigureAwait(false))
        {
            var first = true;
            foreach (var segment in segments)
            {
                if (!first)
                {
                    await reader.NextResultAsync().ConfigureAwait(false);
                }

                first = false;
                if (segment is null)
                {
                    continue;
                }

                var byKey = new Dictionary<(string, long), AtomicState>(segment.Count);
                foreach (var p in segment)
                {
                    byKey[(p.Event.PersistenceId, p.Event.SequenceNr)] = p.State;
                }

                while (await reader.ReadAsync().ConfigureAwait(false))
                {
                    var state = byKey[(reader.GetString(0), reader.GetInt64(1))];
                    state.Inserted.Add(reader.GetInt64(2));
                }
            }
        }

        var undo = new List<long>();
        foreach (var ((write, i), state) in states)
        {
            var aw = write.Writes[i];
            if (!state.Conflict && state.Inserted.Count == aw.Events.Count)
            {
                write.Results[i] = WriteResult.Success;
            }
            else
            {
                undo.AddRange(state.Inserted);
                write.Results[i] = new WriteResult(new SequenceNumberConflictException(aw.PersistenceId, aw.LowestSequenceNr, aw.HighestSequenceNr));
            }
        }

        if (undo.Count > 0)
        {
            await using var command = new NpgsqlCommand(_undoSql, connection, tx);
            command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. undo], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        await tx.CommitAsync().ConfigureAwait(false);
    }

    /// <summary>Adds one multi-row insert for the pending events (unnest of column arrays), in submission order.</summary>
    private void AddInsert(NpgsqlBatch batch, List<PendingEvent> pending, long now, List<List<PendingEvent>?> segments)
    {
        if (pending.Count == 0)
        {
            return;
        }

        var n = pending.Count;
        var pids = new string[n];
        var seqs = new long[n];
        var stamps = new long[n];
        var manifests = new string[n];
        var payloads = new byte[n][];
        var tags = new string?[n];
        for (var i = 0; i < n; i++)
        {
            var e = pending[i].Event;
            pids[i] = e.PersistenceId;
            seqs[i] = e.SequenceNr;
            stamps[i] = e.Timestamp == default ? now : e.Timestamp.ToUnixTimeMilliseconds();
            manifests[i] = e.Manifest;
            payloads[i] = e.Payload;
            tags[i] = TagCodec.Encode(e.Tags);
        }

        var command = new NpgsqlBatchCommand(_insertSql);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = pids, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = seqs, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = stamps, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = manifests, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<byte[][]> { TypedValue = payloads, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
        command.Parameters.Add(new NpgsqlParameter<string?[]> { TypedValue = tags, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        batch.BatchCommands.Add(command);
        segments.Add(pending);
    }

    private sealed record PendingEvent(PersistentRepr Event, AtomicState State);

    private sealed class AtomicState
    {
        public bool Conflict { get; set; }

        public List<long> Inserted { get; } = [];
    }
}
