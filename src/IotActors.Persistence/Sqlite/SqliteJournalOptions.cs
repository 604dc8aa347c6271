namespace IotActors.Persistence.Sqlite;

/// <summary>Settings of the embedded SQLite journal (config section iotactors.persistence.journal.sqlite).</summary>
public sealed record SqliteJournalOptions
{
    /// <summary>The node's data directory; created if missing.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>The journal database file name inside <see cref="DataDirectory"/>.</summary>
    public string FileName { get; init; } = "journal.db";

    /// <summary>The durability of acknowledged writes; Full by default.</summary>
    public SqliteSynchronousMode Synchronous { get; init; } = SqliteSynchronousMode.Full;

    /// <summary>The most events committed in one group-commit transaction.</summary>
    public int MaxBatchSize { get; init; } = 1000;

    /// <summary>How often a live tag query looks for events written by other processes.</summary>
    public TimeSpan TagPollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The most events read per query round trip during replay and queries.</summary>
    public int ReadPageSize { get; init; } = 2000;

    /// <summary>Run SQLite's quick_check on start-up to refuse a corrupt file; on by default.</summary>
    public bool VerifyOnStartup { get; init; } = true;

    /// <summary>The clock used to stamp events and pace live queries.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The full path of the journal file.</summary>
    public string FilePath => Path.GetFullPath(Path.Combine(DataDirectory, FileName));
}
