using IotActors.Persistence;
using IotActors.Persistence.Postgres;
using IotActors.Persistence.Sqlite;

namespace IotActors.Hosting;

/// <summary>The node's persistence settings (<c>iotactors.persistence</c>), validated when read.</summary>
public sealed record PersistenceSettings
{
    /// <summary>The store kind: <c>sqlite</c> (embedded, default) or <c>postgres</c>.</summary>
    public required string Plugin { get; init; }

    /// <summary>The SQLite journal settings, with files under the node's data directory.</summary>
    public required SqliteJournalOptions SqliteJournal { get; init; }

    /// <summary>The SQLite snapshot store settings, with files under the node's data directory.</summary>
    public required SqliteSnapshotStoreOptions SqliteSnapshots { get; init; }

    /// <summary>The PostgreSQL journal settings, or null when the plugin is sqlite.</summary>
    public PostgresJournalOptions? PostgresJournal { get; init; }

    /// <summary>The PostgreSQL snapshot store settings, or null when the plugin is sqlite.</summary>
    public PostgresSnapshotStoreOptions? PostgresSnapshots { get; init; }

    /// <summary>When persistent actors snapshot and what they clean up afterwards.</summary>
    public required SnapshotPolicyOptions SnapshotPolicy { get; init; }

    /// <summary>Events read, decoded and applied per recovery step.</summary>
    public int ReplayBatchSize { get; init; } = 1000;

    /// <summary>How many persistent actors may recover at once.</summary>
    public int MaxConcurrentRecoveries { get; init; } = 16;
}
