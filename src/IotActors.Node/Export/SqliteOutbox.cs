using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

namespace IotActors.Node.Export;

/// <summary>A persistent, bounded FIFO of readings (JSON texts) awaiting export, in one SQLite file; full means the oldest are dropped and counted.</summary>
/// <remarks>Thread-safe (one connection behind a lock). A claimed batch keeps its idempotency key across restarts until it is completed.</remarks>
internal sealed class SqliteOutbox : IDisposable
{
    private static int s_initialized;
    private readonly SqliteConnection _connection;
    private readonly Lock _gate = new();
    private readonly int _capacity;
    private long _count;

    public SqliteOutbox(string path, int capacity, bool readOnly = false)
    {
        if (Interlocked.Exchange(ref s_initialized, 1) == 0) SQLitePCL.Batteries_V2.Init();
        _capacity = capacity;
        if (!readOnly && Path.GetDirectoryName(Path.GetFullPath(path)) is { } dir) Directory.CreateDirectory(dir);
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate, Pooling = false };
        _connection = new SqliteConnection(builder.ToString());
        _connection.Open();
        if (!readOnly)
        {
            Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;");
            Execute("""
                CREATE TABLE IF NOT EXISTS outbox(id INTEGER PRIMARY KEY AUTOINCREMENT, enqueued_ms INTEGER NOT NULL, payload TEXT NOT NULL, batch_key TEXT NULL);
                CREATE INDEX IF NOT EXISTS outbox_batch ON outbox(batch_key);
                CREATE TABLE IF NOT EXISTS export_state(key TEXT PRIMARY KEY, value TEXT NOT NULL);
                """);
        }
        _count = Scalar("SELECT COUNT(*) FROM outbox");
    }

    /// <summary>Readings waiting.</summary>
    public long Count { get { lock (_gate) { return _count; } } }

    /// <summary>Appends readings; when the outbox is over capacity, drops the oldest and counts them. Returns how many were dropped.</summary>
    public long Enqueue(IReadOnlyList<string> payloads, DateTimeOffset now)
    {
        lock (_gate)
        {
            using SqliteTransaction tx = _connection.BeginTransaction();
            using (SqliteCommand insert = Command("INSERT INTO outbox(enqueued_ms, payload) VALUES ($t, $p)", tx))
            {
                var t = insert.Parameters.Add("$t", SqliteType.Integer);
                var p = insert.Parameters.Add("$p", SqliteType.Text);
                foreach (string payload in payloads)
                {
                    t.Value = now.ToUnixTimeMilliseconds();
                    p.Value = payload;
                    insert.ExecuteNonQuery();
                }
            }
            long over = _count + payloads.Count - _capacity;
            long dropped = 0;
            if (over > 0)
            {
                using SqliteCommand drop = Command("DELETE FROM outbox WHERE id IN (SELECT id FROM outbox ORDER BY id LIMIT $n)", tx);
                drop.Parameters.AddWithValue("$n", over);
                dropped = drop.ExecuteNonQuery();
                AddToState("dropped", dropped, tx);
            }
            tx.Commit();
            _count += payloads.Count - dropped;
            return dropped;
        }
    }

    /// <summary>The batch to send next: a batch claimed before (same key, after a failure or a restart), else up to <paramref name="max"/> of the oldest
    /// readings under a new key; null when nothing is due (fewer than <paramref name="max"/> and the oldest is younger than <paramref name="flushAfter"/>).</summary>
    public OutboxBatch? Claim(int max, DateTimeOffset now, TimeSpan flushAfter)
    {
        lock (_gate)
        {
            using SqliteTransaction tx = _connection.BeginTransaction();
            string? key = null;
            using (SqliteCommand pending = Command("SELECT batch_key FROM outbox WHERE batch_key IS NOT NULL ORDER BY id LIMIT 1", tx))
            {
                key = pending.ExecuteScalar() as string;
            }
            if (key is null)
            {
                var (ids, enqueued) = Oldest(max, tx);
                if (ids.Count == 0 || (ids.Count < max && now - DateTimeOffset.FromUnixTimeMilliseconds(enqueued) < flushAfter)) return null;
                key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
                using SqliteCommand claim = Command($"UPDATE outbox SET batch_key = $k WHERE id IN ({string.Join(',', ids)})", tx);
                claim.Parameters.AddWithValue("$k", key);
                claim.ExecuteNonQuery();
            }
            var batchIds = new List<long>();
            var payloads = new List<string>();
            using (SqliteCommand select = Command("SELECT id, payload FROM outbox WHERE batch_key = $k ORDER BY id", tx))
            {
                select.Parameters.AddWithValue("$k", key);
                using SqliteDataReader reader = select.ExecuteReader();
                while (reader.Read())
                {
                    batchIds.Add(reader.GetInt64(0));
                    payloads.Add(reader.GetString(1));
                }
            }
            tx.Commit();
            return batchIds.Count == 0 ? null : new OutboxBatch(key, batchIds, payloads);
        }
    }

    /// <summary>Removes a delivered batch and records the success.</summary>
    public void Complete(OutboxBatch batch, DateTimeOffset now)
    {
        lock (_gate)
        {
            using SqliteTransaction tx = _connection.BeginTransaction();
            using SqliteCommand delete = Command("DELETE FROM outbox WHERE batch_key = $k", tx);
            delete.Parameters.AddWithValue("$k", batch.Key);
            int removed = delete.ExecuteNonQuery();
            AddToState("sent", removed, tx);
            SetState("last_success", now.ToString("O", CultureInfo.InvariantCulture), tx);
            SetState("last_error", "", tx);
            SetState("next_attempt", "", tx);
            tx.Commit();
            _count -= removed;
        }
    }

    /// <summary>Records a failed attempt and when the next one is due.</summary>
    public void RecordFailure(string error, DateTimeOffset nextAttempt)
    {
        lock (_gate)
        {
            using SqliteTransaction tx = _connection.BeginTransaction();
            SetState("last_error", error, tx);
            SetState("next_attempt", nextAttempt.ToString("O", CultureInfo.InvariantCulture), tx);
            tx.Commit();
        }
    }

    /// <summary>Counts and last outcome, read from the file.</summary>
    public ExportStatus Status()
    {
        lock (_gate)
        {
            var state = new Dictionary<string, string>(StringComparer.Ordinal);
            using (SqliteCommand select = Command("SELECT key, value FROM export_state", null))
            using (SqliteDataReader reader = select.ExecuteReader())
            {
                while (reader.Read()) state[reader.GetString(0)] = reader.GetString(1);
            }
            return new ExportStatus(
                Scalar("SELECT COUNT(*) FROM outbox"),
                Long(state, "sent"), Long(state, "dropped"),
                state.GetValueOrDefault("last_error") is { Length: > 0 } error ? error : null,
                Time(state, "next_attempt"), Time(state, "last_success"));
        }
    }

    private (List<long> Ids, long OldestMs) Oldest(int max, SqliteTransaction tx)
    {
        var ids = new List<long>();
        long oldest = 0;
        using SqliteCommand select = Command("SELECT id, enqueued_ms FROM outbox ORDER BY id LIMIT $n", tx);
        select.Parameters.AddWithValue("$n", max);
        using SqliteDataReader reader = select.ExecuteReader();
        while (reader.Read())
        {
            if (ids.Count == 0) oldest = reader.GetInt64(1);
            ids.Add(reader.GetInt64(0));
        }
        return (ids, oldest);
    }

    private void AddToState(string key, long delta, SqliteTransaction tx)
    {
        using SqliteCommand command = Command(
            "INSERT INTO export_state(key, value) VALUES ($k, $v) ON CONFLICT(key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + $v AS TEXT)", tx);
        command.Parameters.AddWithValue("$k", key);
        command.Parameters.AddWithValue("$v", delta);
        command.ExecuteNonQuery();
    }

    private void SetState(string key, string value, SqliteTransaction tx)
    {
        using SqliteCommand command = Command("INSERT INTO export_state(key, value) VALUES ($k, $v) ON CONFLICT(key) DO UPDATE SET value = $v", tx);
        command.Parameters.AddWithValue("$k", key);
        command.Parameters.AddWithValue("$v", value);
        command.ExecuteNonQuery();
    }

    private static long Long(Dictionary<string, string> state, string key) =>
        state.TryGetValue(key, out string? v) && long.TryParse(v, CultureInfo.InvariantCulture, out long n) ? n : 0;

    private static DateTimeOffset? Time(Dictionary<string, string> state, string key) =>
        state.TryGetValue(key, out string? v) && DateTimeOffset.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var t) ? t : null;

    private SqliteCommand Command(string sql, SqliteTransaction? tx)
    {
        SqliteCommand command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = tx;
        return command;
    }

    private void Execute(string sql)
    {
        using SqliteCommand command = Command(sql, null);
        command.ExecuteNonQuery();
    }

    private long Scalar(string sql)
    {
        using SqliteCommand command = Command(sql, null);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public void Dispose() => _connection.Dispose();
}
