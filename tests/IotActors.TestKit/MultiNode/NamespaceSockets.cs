using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Runtime.ExceptionServices;

namespace IotActors.TestKit.MultiNode;

/// <summary>Creates sockets that live inside a named network namespace (<c>ip netns</c>), from the test process itself.</summary>
/// <remarks>A fresh thread enters the namespace with setns(2), creates the socket and ends; the socket stays in that namespace.</remarks>
public static class NamespaceSockets
{
    private const int CloneNewNet = 0x40000000;

    /// <summary>Creates a socket inside <paramref name="namespaceName"/>; null or empty means the test process's own namespace.</summary>
    public static Socket Create(string? namespaceName, AddressFamily family, SocketType type, ProtocolType protocol)
    {
        if (string.IsNullOrEmpty(namespaceName)) return new Socket(family, type, protocol);
        string path = Path.Combine("/var/run/netns", namespaceName);
        if (!File.Exists(path))
        {
            throw new MultiNodeHarnessException($"network namespace '{namespaceName}' does not exist ({path} missing)");
        }

        Socket? socket = null;
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read);
                if (setns((int)handle.DangerousGetHandle(), CloneNewNet) != 0)
                {
                    throw new MultiNodeHarnessException(
                        $"setns into '{namespaceName}' failed with errno {Marshal.GetLastPInvokeError()} (needs root / CAP_SYS_ADMIN)");
                }
                socket = new Socket(family, type, protocol);
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
        }) { IsBackground = true, Name = "netns-socket" };
        thread.Start();
        thread.Join();
        failure?.Throw();
        return socket!;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int setns(int fd, int nstype);
}
