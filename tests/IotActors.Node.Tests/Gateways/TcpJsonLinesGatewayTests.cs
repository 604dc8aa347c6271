using System.Net.Sockets;
using System.Text;
using IotActors.Node.Gateways;
using static IotActors.TestKit.TestKit;

namespace IotActors.Node.Tests.Gateways;

public sealed class TcpJsonLinesGatewayTests : IAsyncLifetime
{
    private GatewayHarness _harness = new();
    private readonly List<TcpClient> _clients = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (TcpClient client in _clients) client.Dispose();
        await _harness.DisposeAsync();
    }

    private async Task<TcpJsonLinesGateway> Start(TimeSpan? idle = null, int maxConnections = 16, int maxLine = 256)
    {
        _harness = new GatewayHarness(idleTimeout: idle, maxConnections: maxConnections, maxLine: maxLine);
        return await _harness.StartTcpAsync();
    }

    private async Task<(NetworkStream Stream, StreamReader Reader)> Connect(TcpJsonLinesGateway gateway)
    {
        var client = new TcpClient();
        _clients.Add(client);
        await client.ConnectAsync(gateway.LocalEndPoint);
        NetworkStream stream = client.GetStream();
        stream.ReadTimeout = 10_000;
        return (stream, new StreamReader(stream, Encoding.UTF8));
    }

    private static Task Write(NetworkStream stream, string text) => stream.WriteAsync(Encoding.UTF8.GetBytes(text)).AsTask();

    private static async Task<string?> ReadLine(StreamReader reader) =>
        await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10));

    [Fact]
    public async Task Each_accepted_line_is_answered_with_ACK()
    {
        var gateway = await Start();
        var (stream, reader) = await Connect(gateway);
        await Write(stream, "{\"sensor_id\":\"t1\",\"value\":21.5,\"unit\":\"C\"}\n{\"sensor_id\":\"t1\",\"value\":21.6,\"unit\":\"C\"}\r\n");
        await Write(stream, "{\"sensor_id\":\"t2\",\"metric\":\"humidity\",\"value\":40}\n");
        for (int i = 0; i < 3; i++) (await ReadLine(reader)).Should().Be("ACK");
        _harness.Readings.Select(r => (r.DeviceId, r.Metric, r.Value)).Should().Equal(("t1", "value", 21.5), ("t1", "value", 21.6), ("t2", "humidity", 40.0));
        _harness.Readings.First().Source.Should().StartWith("tcp:127.0.0.1:");
        _harness.Registry.Find("t2").Should().NotBeNull();
    }

    [Fact]
    public async Task Bad_lines_get_ERR_with_the_reason_and_the_connection_keeps_working()
    {
        var gateway = await Start();
        var (stream, reader) = await Connect(gateway);
        await Write(stream, "not json\n{\"sensor_id\":\"t1\",\"value\":\"warm\"}\n{\"value\":1}\n{\"sensor_id\":\"t1\",\"value\":22}\n");
        (await ReadLine(reader)).Should().Be("ERR malformed");
        (await ReadLine(reader)).Should().Be("ERR wrong-type");
        (await ReadLine(reader)).Should().Be("ERR missing-field");
        (await ReadLine(reader)).Should().Be("ACK");
        gateway.Metrics.RejectedTotal.Should().Be(3);
        _harness.Readings.Should().ContainSingle().Which.Value.Should().Be(22);
    }

    [Fact]
    public async Task Oversized_line_is_rejected_and_the_connection_closed()
    {
        var gateway = await Start(maxLine: 128);
        var (stream, reader) = await Connect(gateway);
        await Write(stream, "{\"sensor_id\":\"t1\",\"value\":1,\"unit\":\"" + new string('x', 300));
        (await ReadLine(reader)).Should().Be("ERR too-large");
        (await ReadLine(reader)).Should().BeNull("the gateway closes the connection");
        gateway.Metrics.Rejected(RejectReason.TooLarge).Should().Be(1);
        _harness.Readings.Should().BeEmpty();
    }

    [Fact]
    public async Task Idle_connection_is_closed_after_the_idle_timeout_on_the_injected_clock()
    {
        var gateway = await Start(idle: TimeSpan.FromSeconds(30));
        var (stream, reader) = await Connect(gateway);
        await Write(stream, "{\"sensor_id\":\"t1\",\"value\":1}\n");
        (await ReadLine(reader)).Should().Be("ACK");
        gateway.Metrics.IdleTimeouts.Should().Be(0);
        AwaitCondition(() =>
        {
            _harness.Time.Advance(TimeSpan.FromSeconds(31));
            return gateway.Metrics.IdleTimeouts == 1;
        });
        (await ReadLine(reader)).Should().Be("ERR idle-timeout");
        (await ReadLine(reader)).Should().BeNull();
    }

    [Fact]
    public async Task Several_clients_are_served_at_once()
    {
        var gateway = await Start();
        var connections = new List<(NetworkStream Stream, StreamReader Reader)>();
        for (int c = 0; c < 4; c++) connections.Add(await Connect(gateway));
        for (int c = 0; c < connections.Count; c++) await Write(connections[c].Stream, $"{{\"sensor_id\":\"c{c}\",\"value\":{c}}}\n");
        foreach (var (_, reader) in connections) (await ReadLine(reader)).Should().Be("ACK");
        _harness.Readings.Select(r => r.DeviceId).Should().BeEquivalentTo(["c0", "c1", "c2", "c3"]);
        gateway.Metrics.Connections.Should().Be(4);
    }

    [Fact]
    public async Task Connections_beyond_the_limit_are_refused_with_ERR()
    {
        var gateway = await Start(maxConnections: 2);
        var first = await Connect(gateway);
        var second = await Connect(gateway);
        await Write(first.Stream, "{\"sensor_id\":\"a\",\"value\":1}\n");
        await Write(second.Stream, "{\"sensor_id\":\"b\",\"value\":1}\n");
        (await ReadLine(first.Reader)).Should().Be("ACK");
        (await ReadLine(second.Reader)).Should().Be("ACK");
        var third = await Connect(gateway);
        (await ReadLine(third.Reader)).Should().Be("ERR too-many-connections");
        (await ReadLine(third.Reader)).Should().BeNull();
        gateway.Metrics.ConnectionsRefused.Should().Be(1);
    }
}
