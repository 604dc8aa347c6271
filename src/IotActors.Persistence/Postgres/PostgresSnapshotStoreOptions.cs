namespace IotActors.Persistence.Postgres;

/// <summary>Settings of the PostgreSQL snapshot store (config section iotactors.persistence.snapshot-store.postgres).</summary>
public sealed record PostgresSnapshotStoreOptions
{
    /// <summary>The Npgsql connection string.</summary>
    public required string ConnectionString { get; init; }

    /// <summary>The database schema holding the tables; created if missing (lower-case letters, digits, underscores).</summary>
    public string Schema { get; init; } = "iotactors";
}
