using System.Globalization;

namespace IotActors.Bench;

/// <summary>CPU ticks, resident memory and interface bytes of a Linux process from /proc/&lt;pid&gt;/stat, status and net/dev.</summary>
internal static class ProcStat
{
    /// <summary>Clock ticks per second of /proc/&lt;pid&gt;/stat utime/stime (USER_HZ, 100 on Linux).</summary>
    public const double TicksPerSecond = 100;

    /// <summary>utime + stime in ticks.</summary>
    public static long CpuTicks(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // fields[0] is field 3 (state); utime is field 14, stime field 15.
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }

    /// <summary>VmRSS in bytes.</summary>
    public static long RssBytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>
    /// Received plus sent bytes of <paramref name="interface"/> in the network namespace of <paramref name="pid"/> (the multi-node
    /// harness gives every node its own eth0 in namespaces mode), or 0 when the process has no such interface.
    /// </summary>
    public static long NetBytes(int pid, string @interface = "eth0")
    {
        var prefix = @interface + ":";
        foreach (var line in File.ReadLines($"/proc/{pid}/net/dev"))
        {
            var t = line.Trim();
            if (!t.StartsWith(prefix, StringComparison.Ordinal)) { continue; }
            var f = t[prefix.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return long.Parse(f[0], CultureInfo.InvariantCulture) + long.Parse(f[8], CultureInfo.InvariantCulture);
        }
        return 0;
    }
}
