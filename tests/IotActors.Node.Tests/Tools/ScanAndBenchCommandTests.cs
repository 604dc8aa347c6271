using System.Net;
using System.Net.Sockets;
using IotActors.Node.Cli;
using IotActors.Node.Tools;

namespace IotActors.Node.Tests.Tools;

public sealed class ScanAndBenchCommandTests
{
    private static int ClosedPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    [Fact]
    public async Task Scan_of_loopback_finds_the_listening_port_and_not_the_closed_one()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int open = ((IPEndPoint)listener.LocalEndpoint).Port;
        int closed = ClosedPort();

        IReadOnlyList<ScanResult> found = await PortScanner.ScanAsync(
            [IPAddress.Loopback], [open, closed], TimeSpan.FromMilliseconds(500), 8, CancellationToken.None);
        found.Select(f => f.Port).Should().Equal(open);

        var (code, output, _) = await CliRunner.Run("scan", "--cidr", "127.0.0.1/32", "--ports", $"{open},{closed}", "--timeout", "500");
        code.Should().Be(0);
        output.Should().Contain("1 open port(s) on 1 host(s)");
        output.Should().Contain(open.ToString(System.Globalization.CultureInfo.InvariantCulture));
        output.Should().NotContain(closed.ToString(System.Globalization.CultureInfo.InvariantCulture) + " ");
    }

    [Theory]
    [InlineData("10.0.0.0/8")]
    [InlineData("127.0.0.0/15")]
    [InlineData("not-a-cidr")]
    public async Task Scan_refuses_networks_larger_than_a_16_and_bad_cidrs(string cidr)
    {
        var (code, _, error) = await CliRunner.Run("scan", "--cidr", cidr, "--ports", "1");
        code.Should().Be(NodeCli.UsageError);
        error.Should().Contain(cidr);
    }

    [Fact]
    public void Cidr_lists_host_addresses()
    {
        Cidr.Parse("127.0.0.0/29").Hosts().Select(h => h.ToString()).Should().Equal(
            "127.0.0.1", "127.0.0.2", "127.0.0.3", "127.0.0.4", "127.0.0.5", "127.0.0.6");
        Cidr.Parse("127.0.0.1").Hosts().Should().ContainSingle().Which.Should().Be(IPAddress.Loopback);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Bench_rtt_against_bench_echo_on_loopback_prints_statistics(bool udp)
    {
        await using EchoServer server = EchoServer.Start(new IPEndPoint(IPAddress.Loopback, 0), udp);
        string target = $"127.0.0.1:{server.LocalEndPoint.Port}";
        var (code, output, error) = await CliRunner.Run("bench", "rtt", udp ? "--udp" : "--tcp", target, "--count", "200", "--size", "100");
        error.Should().BeEmpty();
        code.Should().Be(0);
        output.Should().StartWith(udp ? "udp" : "tcp").And.Contain("sent 200").And.MatchRegex(@"min [\d.]+ ms, max [\d.]+ ms, mean [\d.]+ ms, std [\d.]+ ms");
        if (!udp) output.Should().Contain("received 200");
    }

    [Fact]
    public async Task Bench_rtt_counts_udp_loss_when_nobody_echoes()
    {
        int closed = ClosedPort();
        var (code, output, _) = await CliRunner.Run("bench", "rtt", "--udp", $"127.0.0.1:{closed}", "--count", "3", "--timeout", "50");
        code.Should().Be(0);
        output.Should().Contain("received 0").And.Contain("loss 100");
    }

    [Fact]
    public void Rtt_statistics_are_computed_from_the_samples()
    {
        RttStats stats = RttStats.From(4, [1.0, 2.0, 3.0]);
        stats.Should().BeEquivalentTo(new { Sent = 4, Received = 3, MinMs = 1.0, MaxMs = 3.0, MeanMs = 2.0, StdDevMs = 1.0 });
        stats.Loss.Should().Be(0.25);
    }
}
