using System.CommandLine;
using System.Globalization;
using IotActors.Node.Export;

namespace IotActors.Node.Cli;

/// <summary><c>iotactors export status --data-dir D</c>: show the upstream export's outbox.</summary>
internal static class ExportCommands
{
    public static Command Build(TextWriter output)
    {
        var dataDir = new Option<string>("--data-dir") { Description = "The node's data directory.", Required = true };
        var outbox = new Option<string>("--outbox") { Description = "Outbox file, relative to the data directory.", DefaultValueFactory = _ => "export-outbox.db" };
        var status = new Command("status", "Show queued, sent and dropped readings, the last error and the next attempt.") { dataDir, outbox };
        status.SetAction(result =>
        {
            string path = ExportOptions.ResolveOutbox(result.GetRequiredValue(outbox), result.GetRequiredValue(dataDir));
            if (!File.Exists(path)) throw new CliUsageException($"no export outbox at '{path}'; is iotactors.export.enabled on for that node?");
            ExportStatus s;
            using (var store = new SqliteOutbox(path, int.MaxValue, readOnly: true)) s = store.Status();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"outbox:       {path}"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"queued:       {s.Queued}"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sent:         {s.Sent}"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dropped:      {s.Dropped}"));
            output.WriteLine($"last success: {s.LastSuccess?.ToString("O", CultureInfo.InvariantCulture) ?? "never"}");
            output.WriteLine($"last error:   {s.LastError ?? "none"}");
            output.WriteLine($"next attempt: {s.NextAttempt?.ToString("O", CultureInfo.InvariantCulture) ?? "-"}");
            return 0;
        });
        return new Command("export", "Inspect the upstream export.") { status };
    }
}
