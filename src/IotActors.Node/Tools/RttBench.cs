using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace IotActors.Node.Tools;

/// <summary>Measures round-trip times against an echo server: one probe at a time, UDP probes lost after a timeout.</summary>
internal static class RttBench
{
    public static async Task<RttStats> RunUdpAsync(IPEndPoint server, int count, int size, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var socket = new Socket(server.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        socket.Connect(server);
        byte[] probe = new byte[Math.Max(size, 8)], answer = new byte[65536];
        var rtts = new List<double>(count);
        for (long seq = 0; seq < count; seq++)
        {
            BinaryPrimitives.WriteInt64BigEndian(probe, seq);
            long start = Stopwatch.GetTimestamp();
            await socket.SendAsync(probe, SocketFlags.None, cancellationToken).ConfigureAwait(false);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            try
            {
                while (true)
                {
                    int read = await socket.ReceiveAsync(answer, SocketFlags.None, deadline.Token).ConfigureAwait(false);
                    // Late answers to earlier probes are skipped; only this probe's echo counts.
                    if (read >= 8 && BinaryPrimitives.ReadInt64BigEndian(answer) == seq) break;
                }
                rtts.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Lost: counted by Sent - Received.
            }
            catch (SocketException)
            {
                // Nobody listening (ICMP port unreachable): lost.
            }
        }
        return RttStats.From(count, rtts);
    }

    public static async Task<RttStats> RunTcpAsync(IPEndPoint server, int count, int size, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using (var connectDeadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            connectDeadline.CancelAfter(timeout);
            await socket.ConnectAsync(server, connectDeadline.Token).ConfigureAwait(false);
        }
        byte[] probe = new byte[Math.Max(size, 1)], answer = new byte[probe.Length];
        Random.Shared.NextBytes(probe);
        var rtts = new List<double>(count);
        for (int i = 0; i < count; i++)
        {
            long start = Stopwatch.GetTimestamp();
            await socket.SendAsync(probe, SocketFlags.None, cancellationToken).ConfigureAwait(false);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            int got = 0;
            while (got < answer.Length)
            {
                int read = await socket.ReceiveAsync(answer.AsMemory(got), SocketFlags.None, deadline.Token).ConfigureAwait(false);
                if (read == 0) throw new IOException($"The echo server at {server} closed the connection after {i} round trips.");
                got += read;
            }
            rtts.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        return RttStats.From(count, rtts);
    }
}
