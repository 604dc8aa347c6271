using System.Globalization;
using System.Text.RegularExpressions;

namespace IotActors.TestKit.MultiNode;

/// <summary>
/// Names and marks what one harness instance owns: a run id, the run folder with an owner file (pid + start time of the
/// test process) and a file of node pids, so a later sweep can tell leftovers of dead runs from live parallel runs.
/// </summary>
internal static partial class RunOwnership
{
    /// <summary>Every namespace, link and run folder of the harness starts with this.</summary>
    public const string Prefix = "imn";

    private const string OwnerFile = "owner";
    private const string PidsFile = "node-pids";
    private const string KeptFile = "KEPT";
    private static readonly TimeSpan KeepFor = TimeSpan.FromDays(1);
    private static readonly object Gate = new();

    /// <summary>The folder holding every run's folder.</summary>
    public static string Root { get; } = Path.Combine(Path.GetTempPath(), "iotactors-multinode");

    /// <summary>Matches a harness name and captures its run id (e.g. imn3fa2 in imn3fa2-n1).</summary>
    [GeneratedRegex("^(imn[0-9a-f]{4})(-|$)")]
    public static partial Regex NamePattern();

    /// <summary>Picks an unused run id, creates its folder and writes the owner file before any resource exists.</summary>
    public static (string RunId, string Directory) Claim(Random random)
    {
        lock (Gate)
        {
            System.IO.Directory.CreateDirectory(Root);
            for (int attempt = 0; attempt < 1000; attempt++)
            {
                string runId = Prefix + random.Next(0x10000).ToString("x4", CultureInfo.InvariantCulture);
                string dir = Path.Combine(Root, runId);
                if (System.IO.Directory.Exists(dir) || File.Exists(Path.Combine("/var/run/netns", runId + "-n1"))) continue;
                System.IO.Directory.CreateDirectory(dir);
                int pid = Environment.ProcessId;
                File.WriteAllText(Path.Combine(dir, OwnerFile), $"{pid} {ProcStat.StartTime(pid)}\n");
                return (runId, dir);
            }
            throw new MultiNodeHarnessException($"no free run id under {Root}: remove stale folders there");
        }
    }

    /// <summary>Whether the test process that claimed <paramref name="runId"/> is still alive.</summary>
    public static bool IsOwnerAlive(string runId)
    {
        string file = Path.Combine(Root, runId, OwnerFile);
        return TryReadPidLine(File.Exists(file) ? File.ReadAllText(file) : "", out int pid, out long start)
            && ProcStat.IsSameProcessAlive(pid, start);
    }

    /// <summary>Remembers a node process of the run so a sweep can kill it if the test process dies.</summary>
    public static void RecordNodePid(string runDirectory, int pid)
    {
        lock (Gate) File.AppendAllText(Path.Combine(runDirectory, PidsFile), $"{pid} {ProcStat.StartTime(pid)}\n");
    }

    /// <summary>The recorded node processes of a run that are still alive.</summary>
    public static IEnumerable<int> LiveNodePids(string runDirectory)
    {
        string file = Path.Combine(runDirectory, PidsFile);
        if (!File.Exists(file)) yield break;
        foreach (string line in File.ReadAllLines(file))
        {
            if (TryReadPidLine(line, out int pid, out long start) && ProcStat.IsSameProcessAlive(pid, start)) yield return pid;
        }
    }

    /// <summary>Marks a run folder as kept on purpose (logs of a failed test): sweeps leave it for a day.</summary>
    public static void MarkKept(string runDirectory, string reason) => File.WriteAllText(Path.Combine(runDirectory, KeptFile), reason + "\n");

    /// <summary>Whether a run folder was kept on purpose less than a day ago.</summary>
    public static bool IsKeptArtifact(string runDirectory)
    {
        var file = new FileInfo(Path.Combine(runDirectory, KeptFile));
        return file.Exists && DateTime.UtcNow - file.LastWriteTimeUtc < KeepFor;
    }

    private static bool TryReadPidLine(string line, out int pid, out long start)
    {
        string[] parts = line.Trim().Split(' ');
        start = 0;
        pid = 0;
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out pid)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out start);
    }
}
