using System.Globalization;
using Microsoft.Data.Sqlite;

namespace IotActors.Home.Storage;

/// <summary>Opens, checks and migrates the node-local SQLite files of the home layer.</summary>
internal static class SqliteFile
{
    private const int SqliteCorrupt = 11;
    private const int SqliteNotADatabase = 26;
    private static readonly byte[] Header = "SQLite format 3\0"u8.ToArray();
    private static int s_initialized;

    public static string ConnectionString(string path) =>
        new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, Cache = SqliteCacheMode.Private, Mode = SqliteOpenMode.ReadWriteCreate }.ToString();

    /// <summary>Closes the idle pooled connections to <paramref name="path"/>, releasing its file handles.</summary>
    public static void Release(string path)
    {
        using var connection = new SqliteConnection(ConnectionString(path));
        SqliteConnection.ClearPool(connection);
    }

    /// <summary>Opens a pooled connection with the pragmas every connection needs.</summary>
    public static SqliteConnection Open(string path)
    {
        if (Interlocked.Exchange(ref s_initialized, 1) == 0)
        {
            SQLitePCL.Batteries_V2.Init();
        }

        var connection = new SqliteConnection(ConnectionString(path));
        try
        {
            connection.Open();
            Execute(connection, "PRAGMA busy_timeout = 30000; PRAGMA synchronous = NORMAL;");
            return connection;
        }
        catch (SqliteException ex) when (IsCorruption(ex))
        {
            connection.Dispose();
            throw new LocalStoreCorruptedException(path, ex.Message, ex);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Creates the folder, checks the header, switches to WAL and applies missing migrations (user_version is the schema version).</summary>
    public static void Prepare(string path, IReadOnlyList<string> migrations)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        CheckHeader(path);
        Guard(path, () =>
        {
            using var connection = Open(path);
            var mode = ExecuteScalar(connection, "PRAGMA journal_mode = WAL;") as string;
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new IOException($"Could not switch '{path}' to WAL mode (got '{mode}'); check that the file system supports shared memory files.");
            }

            int found = Convert.ToInt32(ExecuteScalar(connection, "PRAGMA user_version;"), CultureInfo.InvariantCulture);
            if (found > migrations.Count)
            {
                throw new LocalStoreSchemaException(path, found, migrations.Count);
            }

            for (int version = found + 1; version <= migrations.Count; version++)
            {
                using var tx = connection.BeginTransaction();
                using var command = connection.CreateCommand();
                command.Transaction = tx;
                command.CommandText = migrations[version - 1] + $"\nPRAGMA user_version = {version};";
                command.ExecuteNonQuery();
                tx.Commit();
            }

            return 0;
        });
    }

    /// <summary>Runs <paramref name="action"/>, turning SQLite corruption errors into <see cref="LocalStoreCorruptedException"/> naming the file.</summary>
    public static T Guard<T>(string path, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (SqliteException ex) when (IsCorruption(ex))
        {
            throw new LocalStoreCorruptedException(path, ex.Message, ex);
        }
    }

    public static bool IsCorruption(SqliteException ex) => ex.SqliteErrorCode is SqliteCorrupt or SqliteNotADatabase;

    public static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

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
            throw new LocalStoreCorruptedException(path, $"the file is only {info.Length} bytes long, shorter than one database page");
        }

        Span<byte> header = stackalloc byte[16];
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            stream.ReadExactly(header);
        }

        if (!header.SequenceEqual(Header))
        {
            throw new LocalStoreCorruptedException(path, "the file does not start with the SQLite header");
        }
    }
}
