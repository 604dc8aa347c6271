namespace IotActors.Home.History;

/// <summary>Migrations of history.db; index i brings the file to schema version i + 1.</summary>
internal static class HistorySchema
{
    public static readonly IReadOnlyList<string> Migrations =
    [
        """
        CREATE TABLE readings (
            device  TEXT    NOT NULL,
            metric  TEXT    NOT NULL,
            time_ms INTEGER NOT NULL,
            value   REAL    NOT NULL
        );
        CREATE INDEX ix_readings_series_time ON readings (device, metric, time_ms);
        CREATE INDEX ix_readings_time ON readings (time_ms);
        """,
    ];

    public const string Insert = "INSERT INTO readings (device, metric, time_ms, value) VALUES ($device, $metric, $time, $value);";

    public const string Query = """
        SELECT (time_ms - $from) / $width AS bucket, MIN(value), MAX(value), AVG(value), COUNT(*)
        FROM readings
        WHERE device = $device AND metric = $metric AND time_ms >= $from AND time_ms < $to
        GROUP BY bucket
        ORDER BY bucket;
        """;

    public const string Prune = "DELETE FROM readings WHERE time_ms < $cutoff;";
}
