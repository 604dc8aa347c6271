using Microsoft.Data.Sqlite;

namespace IotActors.Bench.E2e;

/// <summary>Counts the readings a node wrote to its history store (<c>&lt;data-dir&gt;/history.db</c>), read-only beside the running writer.</summary>
internal static class HistoryRows
{
    public static long Count(string path) => Scalar(path, "SELECT COUNT(*) FROM readings;");

    /// <summary>Rows whose source time (when the sensor took the sample) lies in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public static long CountSampled(string path, DateTimeOffset from, DateTimeOffset to) =>
        Scalar(path, "SELECT COUNT(*) FROM readings WHERE time_ms >= $from AND time_ms < $to;",
            ("$from", from.ToUnixTimeMilliseconds()), ("$to", to.ToUnixTimeMilliseconds()));

    private static long Scalar(string path, string sql, params (string Name, long Value)[] parameters)
    {
        if (!File.Exists(path)) { throw new FileNotFoundException($"the node wrote no history store at {path} (is iotactors.home history on?).", path); }
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) { command.Parameters.AddWithValue(name, value); }
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
