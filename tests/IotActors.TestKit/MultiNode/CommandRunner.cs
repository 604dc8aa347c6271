using System.Diagnostics;

namespace IotActors.TestKit.MultiNode;

/// <summary>Runs short system commands (ip, nft, tc) with arguments, capturing their output.</summary>
internal static class CommandRunner
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>The result of one command.</summary>
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError)
    {
        public bool Succeeded => ExitCode == 0;
    }

    /// <summary>Runs <paramref name="file"/> and returns its exit code and output; never throws for a non-zero exit.</summary>
    public static Result Run(string file, params string[] args) => Run(file, args, stdin: null);

    /// <summary>Runs <paramref name="file"/> feeding <paramref name="stdin"/> to it.</summary>
    public static Result Run(string file, IReadOnlyList<string> args, string? stdin)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            UseShellExecute = false,
        };
        foreach (string arg in args) info.ArgumentList.Add(arg);
        Process process;
        try
        {
            process = Process.Start(info) ?? throw new MultiNodeHarnessException($"could not start '{file}'");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return new Result(127, "", $"{file}: {e.Message}");
        }

        using (process)
        {
            if (stdin is not null)
            {
                process.StandardInput.Write(stdin);
                process.StandardInput.Close();
            }
            Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new MultiNodeHarnessException($"'{Describe(file, args)}' did not finish within {Timeout.TotalSeconds:0} s");
            }
            process.WaitForExit();
            return new Result(process.ExitCode, stdout.Result, stderr.Result);
        }
    }

    /// <summary>Runs a command and throws with its stderr when it fails.</summary>
    public static string RunChecked(string file, params string[] args) => RunChecked(file, args, stdin: null);

    /// <summary>Runs a command with input and throws with its stderr when it fails.</summary>
    public static string RunChecked(string file, IReadOnlyList<string> args, string? stdin)
    {
        Result result = Run(file, args, stdin);
        if (!result.Succeeded)
        {
            throw new MultiNodeHarnessException(
                $"'{Describe(file, args)}' failed with exit code {result.ExitCode}: {result.StandardError.Trim()}{(stdin is null ? "" : "\ninput:\n" + stdin)}");
        }
        return result.StandardOutput;
    }

    public static string Describe(string file, IEnumerable<string> args) => file + " " + string.Join(' ', args);
}
