namespace IotActors.Persistence.Sqlite;

/// <summary>The snapshot file's schema, one migration per version (PRAGMA user_version).</summary>
internal static class SqliteSnapshotSchema
{
    public static IReadOnlyList<string> Migrations { get; } =
    [
        """
        CREATE TABLE snapshot (
            persistence_id TEXT NOT NULL,
            sequence_nr INTEGER NOT NULL,
            timestamp INTEGER NOT NULL,
            manifest TEXT NOT NULL,
            payload BLOB NOT NULL,
            PRIMARY KEY (persistence_id, sequence_nr));
        """,
    ];
}
