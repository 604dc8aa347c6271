using System.Net;
using System.Net.Sockets;

namespace IotActors.Node.Tools;

/// <summary>A TCP connect scan: a port is open when a connection completes within the timeout.</summary>
internal static class PortScanner
{
    public static async Task<IReadOnlyList<ScanResult>> ScanAsync(
        IEnumerable<IPAddress> hosts, IReadOnlyList<int> ports, TimeSpan timeout, int parallelism, CancellationToken cancellationToken)
    {
        var open = new List<(IPAddress Host, int Port)>();
        var targets = hosts.SelectMany(h => ports.Select(p => (Host: h, Port: p)));
        await Parallel.ForEachAsync(targets, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, async (target, ct) =>
        {
            if (await IsOpenAsync(target.Host, target.Port, timeout, ct).ConfigureAwait(false))
            {
                lock (open) open.Add(target);
            }
        }).ConfigureAwait(false);

        var names = new Dictionary<IPAddress, string?>();
        foreach (IPAddress host in open.Select(o => o.Host).Distinct())
        {
            names[host] = await ReverseDnsAsync(host, timeout).ConfigureAwait(false);
        }
        return open.OrderBy(o => o.Host.GetAddressBytes(), ByteOrder.Instance).ThenBy(o => o.Port)
            .Select(o => new ScanResult(o.Host, names[o.Host], o.Port, IotPorts.NameOf(o.Port)))
            .ToArray();
    }

    public static async Task<bool> IsOpenAsync(IPAddress host, int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var socket = new Socket(host.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await socket.ConnectAsync(new IPEndPoint(host, port), deadline.Token).ConfigureAwait(false);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private static async Task<string?> ReverseDnsAsync(IPAddress host, TimeSpan timeout)
    {
        try
        {
            IPHostEntry entry = await Dns.GetHostEntryAsync(host).WaitAsync(timeout).ConfigureAwait(false);
            return entry.HostName == host.ToString() ? null : entry.HostName;
        }
        catch (Exception ex) when (ex is SocketException or TimeoutException or ArgumentException)
        {
            return null;
        }
    }

    private sealed class ByteOrder : IComparer<byte[]>
    {
        public static readonly ByteOrder Instance = new();

        public int Compare(byte[]? x, byte[]? y) => x!.AsSpan().SequenceCompareTo(y);
    }
}
