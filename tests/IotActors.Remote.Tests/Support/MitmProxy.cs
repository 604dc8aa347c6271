using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace IotActors.Remote.Tests.Support;

/// <summary>A TLS-terminating relay: TLS with its own certificate on both sides, plaintext copied between them.</summary>
public sealed class MitmProxy : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private long _relayed;

    private MitmProxy(TcpListener listener) => _listener = listener;

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public long RelayedBytes => Interlocked.Read(ref _relayed);

    public static MitmProxy Start(X509Certificate2 certificate, int targetPort)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var proxy = new MitmProxy(listener);
        _ = proxy.AcceptLoopAsync(certificate, targetPort);
        return proxy;
    }

    private async Task AcceptLoopAsync(X509Certificate2 certificate, int targetPort)
    {
        var context = SslStreamCertificateContext.Create(certificate, null, offline: true);
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception) { return; }
            _ = Task.Run(async () =>
            {
                try
                {
                    using var victim = new SslStream(client.GetStream());
                    await victim.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
                    {
                        ServerCertificateContext = context,
                        ClientCertificateRequired = true,
                        RemoteCertificateValidationCallback = (_, _, _, _) => true,
                    });
                    using var upstream = await RawClient.ConnectTlsAsync(targetPort, certificate);
                    await Task.WhenAny(CopyAsync(victim, upstream), CopyAsync(upstream, victim));
                }
                catch (Exception) { }
                finally { client.Dispose(); }
            });
        }
    }

    private async Task CopyAsync(Stream from, Stream to)
    {
        var buffer = new byte[8192];
        int n;
        while ((n = await from.ReadAsync(buffer, _stop.Token)) > 0)
        {
            Interlocked.Add(ref _relayed, n);
            await to.WriteAsync(buffer.AsMemory(0, n), _stop.Token);
            await to.FlushAsync(_stop.Token);
        }
    }

    public ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        return ValueTask.CompletedTask;
    }
}
