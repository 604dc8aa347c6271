using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace IotActors.MultiNode.Tests.Soak;

/// <summary>Reads an actuator's persisted events straight from a stopped node's SQLite journal file.</summary>
internal static class JournalReader
{
    /// <summary>Events of <c>actuator-&lt;fan&gt;</c> in <paramref name="dataDirectory"/>/journal.db, in sequence order.</summary>
    public static IReadOnlyList<JournalEvent> ActuatorEvents(string dataDirectory, string fan)
    {
        string file = Path.Combine(dataDirectory, "journal.db");
        if (!File.Exists(file)) throw new FileNotFoundException($"no journal at {file}", file);
        SQLitePCL.Batteries_V2.Init();
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadWrite }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sequence_nr, manifest, payload FROM journal WHERE persistence_id = $id ORDER BY sequence_nr";
        command.Parameters.AddWithValue("$id", "actuator-" + fan);
        var events = new List<JournalEvent>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            long seq = reader.GetInt64(0);
            string manifest = reader.GetString(1);
            byte[] payload = (byte[])reader.GetValue(2);
            bool active = manifest switch
            {
                "home.Activated" => true,
                "home.Deactivated" => false,
                _ => throw new InvalidDataException($"actuator-{fan} seq {seq}: unexpected manifest '{manifest}'"),
            };
            using var json = JsonDocument.Parse(payload);
            string reason = Property(json.RootElement, "Reason").GetString() ?? "";
            var at = Property(json.RootElement, "At").GetDateTimeOffset();
            events.Add(new JournalEvent(seq, active, reason, at));
        }
        return events;
    }

    private static JsonElement Property(JsonElement element, string name) =>
        element.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)) is { Value.ValueKind: not JsonValueKind.Undefined } p
            ? p.Value
            : throw new InvalidDataException($"journal payload has no '{name}': {element}");
}
