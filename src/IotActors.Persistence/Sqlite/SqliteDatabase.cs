using IotActors.Persistence.Internal;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace IotActors.Persistence.Sqlite;

/// <summary>Opens, verifies and migrates one SQLite database file (the journal and snapshot stores, and the home layer's history and audit files).</summary>
public static class SqliteDatabase
{
    private const int SqliteCorrupt = 11;
    private const int SqliteNotADatabase = 26;
    private static readonly byte[] Header = "SQLite format 3\0"u8.ToArray();
    private static int s_initialized;

    /// <summary>The pooled, private-cache, read-write-create connection string of <paramref name="path"/>.</summary>
    public static string ConnectionString(string path) =>
        new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, Cache = SqliteCacheMode.Private, Mode = SqliteOpenMode.ReadWriteCreate }.ToString();

    /// <summary>Closes the idle pooled connections to <paramref name="path"/>, releasing its file handles.</summary>
    public static void Release(string path)
    {
        using var connection = new SqliteConnection(ConnectionString(path));
        SqliteConnection.ClearPool(connection);
    }

    /// <summary>Opens a connection with the per-connection pragmas every store connection needs.</summary>
    /// <exception cref="PersistenceStoreCorruptedException">The file is not a readable SQLite database.</exception>
    public static SqliteConnection Open(string path, SqliteSynchronousMode synchronous)
    {
        if (Interlocked.Exchange(ref s_initialized, 1) == 0)
        {
            SQLitePCL.Batteries_V2.Init();
        }

        var connection = new SqliteConnection(ConnectionString(path));
        try
        {
            connection.Open();
            Execute(connection, $"PRAGMA busy_timeout = 30000; PRAGMA cache_size = -16384; PRAGMA mmap_size = 268435456; PRAGMA synchronous = {(synchronous == SqliteSynchronousMode.Full ? "FULL" : "NORMAL")};");
            return connection;
        }
        catch (SqliteException ex) when (IsCorruption(ex))
        {
            connection.Dispose();
            throw new PersistenceStoreCorruptedException(path, ex.Message, ex);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Checks the file, switches it to WAL and migrates its schema; throws specific errors for a bad file.</summary>
    /// <exception cref="PersistenceStoreCorruptedException">The file is damaged, truncated or no SQLite database.</exception>
    /// <exception cref="SchemaVersionMismatchException">The file was written by a newer version.</exception>
    public static void Prepare(string path, SqliteSynchronousMode synchronous, bool verify, IReadOnlyList<string> migrations, ILogger logger)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        CheckHeader(path);
        using var connection = Open(path, synchronous);
        try
        {
            if (verify)
            {
                using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA quick_check;";
                var result = command.ExecuteScalar() as string;
                if (result != "ok")
                {
                    throw new PersistenceStoreCorruptedException(path, $"quick_check reported: {result}");
                }
            }

            var mode = (string?)ExecuteScalar(connection, "PRAGMA journal_mode = WAL;");
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new PersistenceException($"Could not switch '{path}' to WAL mode (got '{mode}'); check that the file system supports shared memory files.");
            }

            Migrate(connection, path, migrations, migrations.Count, logger);
        }
        catch (SqliteException ex) when (IsCorruption(ex))
        {
            throw new PersistenceStoreCorruptedException(path, ex.Message, ex);
        }
    }

    /// <summary>Applies migrations above the file's user_version up to <paramref name="target"/>, each in its own transaction.</summary>
    public static void Migrate(SqliteConnection connection, string path, IReadOnlyList<string> migrations, int target, ILogger logger)
    {
        var found = Convert.ToInt32(ExecuteScalar(connection, "PRAGMA user_version;"), System.Globalization.CultureInfo.InvariantCulture);
        if (found > migrations.Count)
        {
            throw new SchemaVersionMismatchException(path, found, migrations.Count);
        }

        for (var version = found + 1; version <= target; version++)
        {
            using var tx = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            command.Transaction = tx;
            command.CommandText = migrations[version - 1] + $"\nPRAGMA user_version = {version};";
            command.ExecuteNonQuery();
            tx.Commit();
        }

        if (found < target)
        {
            Log.Migrated(logger, path, found, target);
        }
    }

    /// <summary>Whether <paramref name="ex"/> says the file is corrupt or not a database.</summary>
    public static bool IsCorruption(SqliteException ex) => ex.SqliteErrorCode is SqliteCorrupt or SqliteNotADatabase;

    /// <summary>Runs <paramref name="sql"/> on <paramref name="connection"/>.</summary>
    public static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Runs <paramref name="sql"/> on <paramref name="connection"/> and returns the first column of the first row.</summary>
    public static object? ExecuteScalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void CheckHeader(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists || info.Length == 0)
        {
            return;
        }

        if (info.Length < 512)
        {
            throw new PersistenceStoreCorruptedException(path, $"the file is only {info.Length} bytes long, shorter than one database page");
        }

        Span<byte> header = stackalloc byte[16];
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            stream.ReadExactly(header);
        }

        if (!header.SequenceEqual(Header))
        {
            throw new PersistenceStoreCorruptedException(path, "the file does not start with the SQLite header");
        }
    }
}
