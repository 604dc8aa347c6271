using IotActors.Persistence;
using IotActors.Persistence.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace IotActors.Home.Storage;

/// <summary>The home layer's node-local SQLite files (history, audit) on the persistence layer's <see cref="SqliteDatabase"/>, with the home layer's errors.</summary>
internal static class SqliteFile
{
    /// <summary>Closes the idle pooled connections to <paramref name="path"/>, releasing its file handles.</summary>
    public static void Release(string path) => SqliteDatabase.Release(path);

    /// <summary>Opens a pooled connection (WAL, synchronous = NORMAL: these files may lose the last moment on power loss, not on a crash).</summary>
    public static SqliteConnection Open(string path) => Guard(path, () => SqliteDatabase.Open(path, SqliteSynchronousMode.Normal));

    /// <summary>Creates the folder, checks the header, switches to WAL and applies missing migrations (user_version is the schema version).</summary>
    public static void Prepare(string path, IReadOnlyList<string> migrations) => Guard(path, () =>
    {
        SqliteDatabase.Prepare(path, SqliteSynchronousMode.Normal, verify: false, migrations, NullLogger.Instance);
        return 0;
    });

    /// <summary>Runs <paramref name="action"/>, turning damaged-file and newer-schema errors into the home layer's exceptions naming the file.</summary>
    public static T Guard<T>(string path, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (PersistenceStoreCorruptedException ex)
        {
            throw new LocalStoreCorruptedException(path, ex.Reason, ex);
        }
        catch (SchemaVersionMismatchException ex)
        {
            throw new LocalStoreSchemaException(path, ex.FoundVersion, ex.SupportedVersion);
        }
        catch (SqliteException ex) when (SqliteDatabase.IsCorruption(ex))
        {
            throw new LocalStoreCorruptedException(path, ex.Message, ex);
        }
    }
}
