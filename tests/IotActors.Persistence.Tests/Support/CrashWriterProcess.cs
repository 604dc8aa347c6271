using System.Diagnostics;
using System.Globalization;

namespace IotActors.Persistence.Tests.Support;

/// <summary>Starts the crash writer as a child process, waits for its first acknowledgement, kills it with SIGKILL and returns its output lines.</summary>
internal static class CrashWriterProcess
{
    public static async Task<List<string>> RunAndKillAsync(TimeSpan killAfterFirstAck, params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Dll());
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var lines = new List<string>();
        var firstAck = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stderr = process.StandardError.ReadToEndAsync();
        var reading = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                lock (lines)
                {
                    lines.Add(line);
                }

                if (line.StartsWith("ack ", StringComparison.Ordinal))
                {
                    firstAck.TrySetResult();
                }
            }
        });

        await Task.WhenAny(firstAck.Task, process.WaitForExitAsync()).WaitAsync(TimeSpan.FromSeconds(30));
        process.HasExited.Should().BeFalse($"the crash writer must run until killed; stderr: {(process.HasExited ? await stderr : string.Empty)}");
        await Task.Delay(killAfterFirstAck);
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await reading.WaitAsync(TimeSpan.FromSeconds(30));
        return lines;
    }

    public static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Dll()
    {
        // The test output is tests/IotActors.Persistence.Tests/bin/<config>/<tfm>/; the writer builds to the sibling project's same folder.
        var baseDir = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var tfm = baseDir.Name;
        var config = baseDir.Parent!.Name;
        var tests = baseDir.Parent.Parent!.Parent!.Parent!.FullName;
        var dll = Path.Combine(tests, "IotActors.Persistence.CrashWriter", "bin", config, tfm, "IotActors.Persistence.CrashWriter.dll");
        File.Exists(dll).Should().BeTrue($"the crash writer must be built at {dll}");
        return dll;
    }
}
