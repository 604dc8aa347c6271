using IotActors.Remote.Tests.Support;

namespace IotActors.Remote.Tests.Transport;

public sealed class BadInputTests
{
    private static RemoteTransportSettings Server(bool tls) =>
        TestNodes.Settings("server", tls) with { HandshakeTimeout = TimeSpan.FromMilliseconds(1500) };

    private static async Task ServesAGoodPeer(TestNode server, bool tls)
    {
        await using var good = await TestNodes.StartAsync(TestNodes.Settings("good", tls));
        good.Transport.Send(server.Address, "/user/x", new Ping(1, "good"));
        await Await.UntilAsync(() => server.Received.Count == 1);
    }

    private static async Task ExpectDroppedAsync(Stream stream)
    {
        var buffer = new byte[4096];
        var deadline = Task.Delay(10_000);
        while (true)
        {
            var read = stream.ReadAsync(buffer).AsTask();
            if (await Task.WhenAny(read, deadline) == deadline) throw new TimeoutException("the endpoint did not close the connection");
            try
            {
                if (await read == 0) return;
            }
            catch (IOException)
            {
                return;
            }
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Garbage_bytes_are_dropped_with_a_logged_reason(bool tls)
    {
        await using var server = await TestNodes.StartAsync(Server(tls));
        await using var stream = await RawClient.ConnectTcpAsync(server.Address.Port);
        var garbage = new byte[300];
        new Random(3).NextBytes(garbage);
        garbage[0] = 0x00;
        garbage[1] = 0x00;
        garbage[2] = 0x01;
        await stream.WriteAsync(garbage);

        await ExpectDroppedAsync(stream);
        await server.Log.WaitForAsync(tls ? "(Tls)" : "(ProtocolViolation)");
        await ServesAGoodPeer(server, tls);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Truncated_frame_is_dropped_with_a_logged_reason(bool tls)
    {
        await using var server = await TestNodes.StartAsync(Server(tls));
        await using (var stream = await RawClient.ConnectAsync(server.Address.Port, tls))
        {
            await stream.WriteAsync(new byte[] { 0, 0, 0, 100, 1, (byte)'I', (byte)'O' });
            await stream.FlushAsync();
            (await stream.ReadAsync(new byte[64])).Should().BePositive("the server sends its hello first");
        }
        await server.Log.WaitForAsync("truncated frame");
        await ServesAGoodPeer(server, tls);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Oversized_frame_is_dropped_with_a_logged_reason(bool tls)
    {
        await using var server = await TestNodes.StartAsync(Server(tls));
        await using var stream = await RawClient.ConnectAsync(server.Address.Port, tls);
        await stream.WriteAsync(new byte[] { 0x10, 0, 0, 0, 1 });
        await stream.FlushAsync();

        await ExpectDroppedAsync(stream);
        await server.Log.WaitForAsync("oversized frame");
        await ServesAGoodPeer(server, tls);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(true, false)]
    [InlineData(false, false)]
    public async Task Silent_connection_is_dropped_at_the_handshake_deadline(bool tls, bool completeTls)
    {
        await using var server = await TestNodes.StartAsync(Server(tls));
        await using var stream = completeTls
            ? await RawClient.ConnectAsync(server.Address.Port, tls)
            : await RawClient.ConnectTcpAsync(server.Address.Port);

        await ServesAGoodPeer(server, tls);
        await ExpectDroppedAsync(stream);
        await server.Log.WaitForAsync("(Timeout)");
    }
}
