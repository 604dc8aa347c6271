using System.Runtime.InteropServices;

namespace IotActors.TestKit;

/// <summary>Sends POSIX signals to test processes (SIGTERM for graceful stop, SIGSTOP/SIGCONT to pause, SIGKILL).</summary>
public static class ProcessSignals
{
    public const int SigKill = 9;
    public const int SigTerm = 15;
    public const int SigCont = 18;
    public const int SigStop = 19;

    /// <summary>Sends <paramref name="signal"/> to <paramref name="pid"/>; throws with errno when the kernel refuses.</summary>
    public static void Send(int pid, int signal)
    {
        if (kill(pid, signal) != 0)
        {
            throw new InvalidOperationException($"kill({pid}, {signal}) failed with errno {Marshal.GetLastPInvokeError()}");
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}
