namespace IotActors.Home.Audit;

/// <summary>Migrations of audit.db; index i brings the file to schema version i + 1.</summary>
internal static class AuditSchema
{
    public static readonly IReadOnlyList<string> Migrations =
    [
        """
        CREATE TABLE audit (
            id      INTEGER PRIMARY KEY AUTOINCREMENT,
            at_ms   INTEGER NOT NULL,
            who     TEXT    NOT NULL,
            role    TEXT    NOT NULL,
            what    TEXT    NOT NULL,
            target  TEXT    NOT NULL,
            outcome TEXT    NOT NULL,
            detail  TEXT    NOT NULL
        );
        CREATE INDEX ix_audit_target ON audit (target, id);
        CREATE INDEX ix_audit_who ON audit (who, id);
        """,
    ];
}
