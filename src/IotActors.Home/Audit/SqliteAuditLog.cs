using IotActors.Home.Model;
using IotActors.Home.Storage;

namespace IotActors.Home.Audit;

/// <summary>The audit trail in a node-local SQLite file (<c>audit.db</c>, WAL); every append is committed before it returns.</summary>
/// <remarks>Thread-safe; appends are serialised, queries run concurrently on their own connections.</remarks>
public sealed class SqliteAuditLog : IAuditLog, IDisposable
{
    /// <summary>The file name inside the node's data directory.</summary>
    public const string FileName = "audit.db";

    private const int MaxLimit = 1000;
    private const int MaxFieldLength = 4096;
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    private SqliteAuditLog(string path) => Path = path;

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>Opens (creating or migrating) the audit file.</summary>
    /// <exception cref="LocalStoreCorruptedException">The file is not a readable SQLite database.</exception>
    /// <exception cref="LocalStoreSchemaException">The file was written by a newer version.</exception>
    public static SqliteAuditLog Open(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        SqliteFile.Prepare(path, AuditSchema.Migrations);
        return new SqliteAuditLog(path);
    }

    /// <summary>Opens <c>audit.db</c> in the node's data directory.</summary>
    public static SqliteAuditLog OpenInDataDir(string dataDir) => Open(System.IO.Path.Combine(dataDir, FileName));

    /// <inheritdoc />
    public async Task<long> AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await Task.Run(() => SqliteFile.Guard(Path, () =>
            {
                using var connection = SqliteFile.Open(Path);
                using var command = connection.CreateCommand();
                command.CommandText = """
                    INSERT INTO audit (at_ms, who, role, what, target, outcome, detail)
                    VALUES ($at, $who, $role, $what, $target, $outcome, $detail);
                    SELECT last_insert_rowid();
                    """;
                command.Parameters.AddWithValue("$at", entry.At.ToUnixTimeMilliseconds());
                command.Parameters.AddWithValue("$who", Clip(entry.Who));
                command.Parameters.AddWithValue("$role", Clip(entry.Role));
                command.Parameters.AddWithValue("$what", Clip(entry.What));
                command.Parameters.AddWithValue("$target", Clip(entry.Target));
                command.Parameters.AddWithValue("$outcome", Clip(entry.Outcome));
                command.Parameters.AddWithValue("$detail", Clip(entry.Detail));
                return (long)command.ExecuteScalar()!;
            }), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <inheritdoc />
    public Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Limit is < 1 or > MaxLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(query), query.Limit, $"Limit must be from 1 to {MaxLimit}.");
        }

        return Task.Run(() => SqliteFile.Guard(Path, () => Query(query)), cancellationToken);
    }

    /// <summary>Releases pooled connections to the file.</summary>
    public void Dispose()
    {
        _writeGate.Dispose();
        SqliteFile.Release(Path);
    }

    private AuditPage Query(AuditQuery query)
    {
        using var connection = SqliteFile.Open(Path);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, at_ms, who, role, what, target, outcome, detail FROM audit
            WHERE ($before IS NULL OR id < $before) AND ($target IS NULL OR target = $target) AND ($who IS NULL OR who = $who)
            ORDER BY id DESC LIMIT $limit;
            """;
        command.Parameters.AddWithValue("$before", (object?)query.Before ?? DBNull.Value);
        command.Parameters.AddWithValue("$target", (object?)query.Target ?? DBNull.Value);
        command.Parameters.AddWithValue("$who", (object?)query.Who ?? DBNull.Value);
        command.Parameters.AddWithValue("$limit", query.Limit + 1);
        using var reader = command.ExecuteReader();
        var items = new List<AuditRecord>(query.Limit);
        bool more = false;
        while (reader.Read())
        {
            if (items.Count == query.Limit)
            {
                more = true;
                break;
            }

            var entry = new AuditEntry(DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)), reader.GetString(2), reader.GetString(3),
                reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.GetString(7));
            items.Add(new AuditRecord(reader.GetInt64(0), entry));
        }

        return new AuditPage(items, more ? items[^1].Id : null);
    }

    private static string Clip(string? value) => value is null ? "" : value.Length <= MaxFieldLength ? value : value[..MaxFieldLength];
}
