using System.Runtime.InteropServices;

namespace IotActors.Bench.Report;

/// <summary>The machine the figures were taken on.</summary>
internal sealed record MachineInfo(int Cores, string Memory, string Os, string DotNet, string CpuModel)
{
    public static MachineInfo Current()
    {
        var cpu = ReadField("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString();
        var memKb = ReadField("/proc/meminfo", "MemTotal")?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        var memory = long.TryParse(memKb, out var kb) ? $"{kb / 1024.0 / 1024.0:0.0} GiB" : "unknown";
        var os = ReadField("/etc/os-release", "PRETTY_NAME", '=')?.Trim('"') ?? RuntimeInformation.OSDescription;
        return new MachineInfo(Environment.ProcessorCount, memory, $"{os} ({RuntimeInformation.OSDescription})", RuntimeInformation.FrameworkDescription, cpu);
    }

    private static string? ReadField(string path, string key, char separator = ':')
    {
        if (!File.Exists(path)) { return null; }
        foreach (var line in File.ReadLines(path))
        {
            var i = line.IndexOf(separator);
            if (i > 0 && line[..i].Trim() == key) { return line[(i + 1)..].Trim(); }
        }
        return null;
    }
}
