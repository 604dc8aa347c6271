namespace IotActors.Persistence.Sqlite;

/// <summary>The journal file's schema, one migration per version (PRAGMA user_version).</summary>
internal static class SqliteJournalSchema
{
    public static IReadOnlyList<string> Migrations { get; } =
    [
        // 1: events and the per-entity metadata that keeps the highest sequence number after deletes.
        """
        CREATE TABLE journal (
            ordering INTEGER PRIMARY KEY AUTOINCREMENT,
            persistence_id TEXT NOT NULL,
            sequence_nr INTEGER NOT NULL,
            timestamp INTEGER NOT NULL,
            manifest TEXT NOT NULL,
            payload BLOB NOT NULL,
            tags TEXT NULL,
            UNIQUE (persistence_id, sequence_nr));
        CREATE TABLE journal_metadata (
            persistence_id TEXT NOT NULL PRIMARY KEY,
            max_deleted_seq INTEGER NOT NULL);
        """,

        // 2: a tag index for EventsByTag, back-filled from existing events, and a guard against re-using deleted sequence numbers.
        """
        CREATE TABLE event_tags (
            tag TEXT NOT NULL,
            ordering INTEGER NOT NULL,
            PRIMARY KEY (tag, ordering)) WITHOUT ROWID;
        WITH RECURSIVE split(ordering, rest, tag) AS (
            SELECT ordering, tags || char(31), NULL FROM journal WHERE tags IS NOT NULL AND tags <> ''
            UNION ALL
            SELECT ordering, substr(rest, instr(rest, char(31)) + 1), substr(rest, 1, instr(rest, char(31)) - 1)
            FROM split WHERE rest <> '')
        INSERT OR IGNORE INTO event_tags (tag, ordering) SELECT tag, ordering FROM split WHERE tag IS NOT NULL AND tag <> '';
        CREATE TRIGGER journal_no_deleted_reuse BEFORE INSERT ON journal
        WHEN NEW.sequence_nr <= (SELECT max_deleted_seq FROM journal_metadata WHERE persistence_id = NEW.persistence_id)
        BEGIN SELECT RAISE(ABORT, 'sequence number already used by a deleted event'); END;
        """,
    ];
}
