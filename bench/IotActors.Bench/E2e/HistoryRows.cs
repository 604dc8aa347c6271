using Microsoft.Data.Sqlite;

namespace IotActors.Bench.E2e;

/// <summary>Counts the readings a node wrote to its history store (<c>&lt;data-dir&gt;/history.db</c>), read-only beside the running writer.</summary>
internal static class HistoryRows
{
    public static long Count(string path)
    {
        if (!File.Exists(path)) { throw new FileNotFoundException($"e2e: the node wrote no history store at {path} (is iotactors.home history on?).", path); }
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM readings;";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
