using IotActors.Hosting;
using IotActors.Node.Configuration;
using IotActors.Node.Export;
using IotActors.Node.Gateways;
using IotActors.TestKit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace IotActors.Node.Tests.Gateways;

public sealed class EdgeSettingsAndDataLogTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("iotactors-edge-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static IConfigurationRoot Reference(params (string Key, string Value)[] sets) =>
        NodeConfiguration.Build(RepoPaths.Hocon("reference.conf"), sets.ToDictionary(s => s.Key, s => (string?)s.Value), new Dictionary<string, string>());

    [Fact]
    public void Reference_conf_gateway_and_export_defaults_match_the_code_defaults()
    {
        GatewayOptions.From(Reference()).Should().BeEquivalentTo(new GatewayOptions());
        ExportOptions.From(Reference(), "data").Should().BeEquivalentTo(new ExportOptions { OutboxPath = Path.Combine("data", "export-outbox.db") });
    }

    [Theory]
    [InlineData("iotactors.gateway.udp.port", "70000")]
    [InlineData("iotactors.gateway.tcp.bind", "not-an-ip")]
    [InlineData("iotactors.gateway.udp.allow-unsigned", "maybe")]
    public void Bad_gateway_setting_names_the_key(string key, string value)
    {
        Action read = () => GatewayOptions.From(Reference((key, value)));
        read.Should().Throw<InvalidSettingException>().Which.Key.Should().Be(key);
    }

    [Fact]
    public void Enabled_export_without_url_names_the_key()
    {
        Action read = () => ExportOptions.From(Reference(("iotactors.export.enabled", "on")), "data");
        read.Should().Throw<InvalidSettingException>().Which.Key.Should().Be("iotactors.export.url");
    }

    [Fact]
    public async Task Csv_data_log_writes_a_header_and_rolls_over_by_size_and_by_day()
    {
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 3, 1, 23, 0, 0, TimeSpan.Zero));
        using var log = new CsvDataLog(_dir, maxFileSize: 400, time, NullLogger.Instance);
        for (int i = 0; i < 6; i++)
        {
            await log.AcceptAsync(new PeerReading("s,1", "temperature", 20 + i, "C", time.GetUtcNow(), "udp:127.0.0.1:5"));
        }
        time.Advance(TimeSpan.FromHours(2));
        await log.AcceptAsync(new PeerReading("s2", "humidity", 50, null, time.GetUtcNow(), "tcp:127.0.0.1:6"));
        log.Dispose();

        string[] files = Directory.GetFiles(_dir).Select(Path.GetFileName).Order().ToArray()!;
        files.Should().Contain(["readings-2026-03-01.csv", "readings-2026-03-01.1.csv", "readings-2026-03-02.csv"]);
        files.Should().OnlyContain(f => new FileInfo(Path.Combine(_dir, f)).Length <= 400);
        string[] lines = File.ReadAllLines(Path.Combine(_dir, "readings-2026-03-01.csv"));
        lines[0].Should().Be("received_utc,source_time_utc,device,metric,value,unit,source");
        lines[1].Should().Contain("\"s,1\",temperature,20,C,udp:127.0.0.1:5");
        int total = files.Sum(f => File.ReadAllLines(Path.Combine(_dir, f)).Length - 1);
        total.Should().Be(7, "every reading is logged once");
    }
}
