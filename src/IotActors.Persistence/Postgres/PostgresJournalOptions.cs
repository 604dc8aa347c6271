namespace IotActors.Persistence.Postgres;

/// <summary>Settings of the PostgreSQL journal (config section iotactors.persistence.journal.postgres).</summary>
public sealed record PostgresJournalOptions
{
    /// <summary>The Npgsql connection string.</summary>
    public required string ConnectionString { get; init; }

    /// <summary>The database schema holding the tables; created if missing (lower-case letters, digits, underscores).</summary>
    public string Schema { get; init; } = "iotactors";

    /// <summary>The most events committed in one group-commit transaction.</summary>
    public int MaxBatchSize { get; init; } = 1000;

    /// <summary>How often a live tag query polls for events written by other processes.</summary>
    public TimeSpan TagPollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The most events read per query round trip during replay and queries.</summary>
    public int ReadPageSize { get; init; } = 2000;

    /// <summary>The clock used to stamp events and pace live queries.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
