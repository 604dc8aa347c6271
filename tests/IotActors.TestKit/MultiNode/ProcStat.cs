using System.Globalization;

namespace IotActors.TestKit.MultiNode;

/// <summary>Reads a process's state and start time from /proc/&lt;pid&gt;/stat.</summary>
internal static class ProcStat
{
    /// <summary>The kernel's state of <paramref name="pid"/>.</summary>
    public static OsProcessState State(int pid) => Read(pid) is { } fields ? Parse(fields[0]) : OsProcessState.Gone;

    /// <summary>The process start time in clock ticks since boot, or null when the process is gone; with the pid it identifies one process.</summary>
    public static long? StartTime(int pid) =>
        Read(pid) is { } fields && long.TryParse(fields[19], NumberStyles.None, CultureInfo.InvariantCulture, out long t) ? t : null;

    /// <summary>Whether <paramref name="pid"/> is alive and is still the process that started at <paramref name="startTime"/>.</summary>
    public static bool IsSameProcessAlive(int pid, long startTime) =>
        State(pid) is not (OsProcessState.Gone or OsProcessState.Zombie) && StartTime(pid) == startTime;

    private static OsProcessState Parse(string letter) => letter switch
    {
        "R" => OsProcessState.Running,
        "S" or "D" or "I" => OsProcessState.Sleeping,
        "T" or "t" => OsProcessState.Stopped,
        "Z" or "X" => OsProcessState.Zombie,
        _ => OsProcessState.Other,
    };

    // Fields after the command name, which is in parentheses and may hold spaces: [0] = state, [19] = starttime.
    private static string[]? Read(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
        int close = text.LastIndexOf(')');
        return close < 0 ? null : text[(close + 2)..].Split(' ');
    }
}
