using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using IotActors.Remote.Framing;
using IotActors.Remote.Handshake;
using IotActors.Remote.Security;
using IotActors.Remote.Tests.Support;

namespace IotActors.Remote.Tests.Transport;

public sealed class HandshakeSecurityTests
{
    [Fact]
    public async Task Wrong_secret_is_rejected_before_any_message_is_delivered()
    {
        await using var a = await TestNodes.StartAsync(TestNodes.Settings("a"), ClusterSecret.Generate());
        await using var b = await TestNodes.StartAsync(TestNodes.Settings("b"));

        a.Transport.Send(b.Address, "/user/x", new Ping(1, "a"));

        await b.Log.WaitForAsync("(WrongSecret)");
        await a.Log.WaitForAsync("(WrongSecret)");
        b.Log.Lines.Should().Contain(l => l.Contains("127.0.0.1") && l.Contains("WrongSecret"));
        b.Received.Should().BeEmpty();
        b.Transport.Metrics.HandshakeFailures.Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task Different_cluster_name_is_rejected()
    {
        await using var a = await TestNodes.StartAsync(TestNodes.Settings("a", cluster: "other-site"));
        await using var b = await TestNodes.StartAsync(TestNodes.Settings("b"));

        a.Transport.Send(b.Address, "/user/x", new Ping(1, "a"));

        await b.Log.WaitForAsync("(ClusterNameMismatch)");
        b.Log.Contains("other-site").Should().BeTrue();
        b.Received.Should().BeEmpty();
    }

    [Fact]
    public async Task Tls_terminating_proxy_with_its_own_certificate_is_detected_on_both_ends()
    {
        await using var a = await TestNodes.StartAsync(TestNodes.Settings("a"), certificate: TestNodes.NewCertificate("a"));
        await using var b = await TestNodes.StartAsync(TestNodes.Settings("b"), certificate: TestNodes.NewCertificate("b"));
        using var proxyCert = TestNodes.NewCertificate("mallory");
        await using var proxy = MitmProxy.Start(proxyCert, b.Address.Port);
        a.Transport.DialOverride = _ => new IPEndPoint(IPAddress.Loopback, proxy.Port);

        a.Transport.Send(b.Address, "/user/x", new Ping(1, "a"));

        await b.Log.WaitForAsync("(CertificateMismatch)");
        await a.Log.WaitForAsync("(CertificateMismatch)");
        proxy.RelayedBytes.Should().BeGreaterThan(0);
        b.Received.Should().BeEmpty();
    }

    [Fact]
    public async Task Replayed_handshake_bytes_are_rejected_on_a_new_connection()
    {
        await using var b = await TestNodes.StartAsync(TestNodes.Settings("b"));
        using var clientCert = TestNodes.NewCertificate("a");
        var fakeA = new NodeIdentity("a", "127.0.0.1", 1, 77, []);

        // Session 1: a legitimate handshake, recorded.
        var recorded = new MemoryStream();
        await using (var tls = await RawClient.ConnectTlsAsync(b.Address.Port, clientCert))
        {
            var recorder = new RecordingStream(tls, recorded);
            var reader = new FrameReader(System.IO.Pipelines.PipeReader.Create(tls), 1 << 16);
            var peer = await LinkHandshake.RunAsync(recorder, reader, TestNodes.Secret, "site", fakeA,
                NodeCertificate.Fingerprint(clientCert), NodeCertificate.Fingerprint(tls.RemoteCertificate), null, CancellationToken.None);
            peer.Address.Should().Be(b.Address);
        }

        // Session 2: the same bytes, same certificate, fresh server nonce.
        await using (var tls = await RawClient.ConnectTlsAsync(b.Address.Port, clientCert))
        {
            await tls.WriteAsync(recorded.ToArray());
            await tls.FlushAsync();
            await b.Log.WaitForAsync("(WrongSecret)");
        }
        b.Received.Should().BeEmpty();
    }
}
