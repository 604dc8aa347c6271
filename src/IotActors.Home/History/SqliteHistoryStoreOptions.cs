namespace IotActors.Home.History;

/// <summary>Settings of <see cref="SqliteHistoryStore"/>.</summary>
/// <param name="Path">The database file, normally <c>&lt;data-dir&gt;/history.db</c>.</param>
/// <param name="Retention">How long readings are kept by <see cref="IHistoryStore.PruneAsync"/>.</param>
/// <param name="MaxQueue">Readings that may wait for the writer; more are dropped and counted.</param>
/// <param name="MaxBatch">Most readings written in one transaction.</param>
public sealed record SqliteHistoryStoreOptions(string Path, TimeSpan Retention, int MaxQueue = 10_000, int MaxBatch = 1_000)
{
    /// <summary>The file name inside the node's data directory.</summary>
    public const string FileName = "history.db";

    /// <summary>Options for <c>history.db</c> in <paramref name="dataDir"/>.</summary>
    public static SqliteHistoryStoreOptions ForDataDir(string dataDir, TimeSpan retention, int maxQueue = 10_000) =>
        new(System.IO.Path.Combine(dataDir, FileName), retention, maxQueue);
}
