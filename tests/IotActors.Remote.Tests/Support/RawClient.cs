using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace IotActors.Remote.Tests.Support;

/// <summary>Hand-driven connections to an endpoint for bad-input and attack tests.</summary>
public static class RawClient
{
    public static async Task<Stream> ConnectAsync(int port, bool tls, X509Certificate2? certificate = null) =>
        tls ? await ConnectTlsAsync(port, certificate ?? TestNodes.NewCertificate("raw")) : await ConnectTcpAsync(port);

    public static async Task<Stream> ConnectTcpAsync(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port));
        return new NetworkStream(socket, ownsSocket: true);
    }

    public static async Task<SslStream> ConnectTlsAsync(int port, X509Certificate2 certificate)
    {
        var ssl = new SslStream(await ConnectTcpAsync(port));
        await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "iotactors-node",
            ClientCertificateContext = SslStreamCertificateContext.Create(certificate, null, offline: true),
            RemoteCertificateValidationCallback = (_, _, _, _) => true,
        });
        return ssl;
    }
}

/// <summary>Copies everything written to the inner stream into a recording.</summary>
public sealed class RecordingStream(Stream inner, MemoryStream recording) : Stream
{
    public override bool CanRead => inner.CanRead;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() => inner.Flush();
    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count)
    {
        recording.Write(buffer, offset, count);
        inner.Write(buffer, offset, count);
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        recording.Write(buffer.Span);
        return inner.WriteAsync(buffer, cancellationToken);
    }
}
