using System.Net.Sockets;
using IotActors.Remote.Framing;

namespace IotActors.Remote.Transport;

/// <summary>One authenticated TCP(+TLS) connection to a peer.</summary>
internal sealed class Connection(Socket socket, Stream stream, FrameReader reader, NodeIdentity remote, bool initiatedLocally, string endPoint, long establishedAt)
{
    public long EstablishedAt => establishedAt;

    private int _closed;

    public Stream Stream => stream;

    /// <summary>Strings decoded on this connection's read loop (paths, manifests), reused across frames.</summary>
    public Utf8StringCache Strings { get; } = new();
    public FrameReader Reader => reader;
    public NodeIdentity Remote => remote;
    public bool InitiatedLocally => initiatedLocally;
    public string EndPoint => endPoint;
    public bool IsClosed => Volatile.Read(ref _closed) != 0;

    /// <summary>Closes the connection immediately; safe to call more than once.</summary>
    public void Abort()
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0) return;
        try { socket.Shutdown(SocketShutdown.Both); } catch (SocketException) { } catch (ObjectDisposedException) { }
        socket.Dispose();
        try { stream.Dispose(); } catch (IOException) { } catch (ObjectDisposedException) { }
    }
}
