using System.Globalization;
using IotActors.Node.Export;
using IotActors.Node.Gateways;
using IotActors.TestKit;
using Microsoft.Extensions.Logging.Abstractions;
using static IotActors.TestKit.TestKit;

namespace IotActors.Node.Tests.Export;

public sealed class HttpExporterTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("iotactors-export-").FullName;
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly FakeUpstream _server = new();
    private readonly HttpClient _http = new();
    private readonly List<IDisposable> _outboxes = [];

    private string OutboxPath => Path.Combine(_dir, "outbox.db");

    public void Dispose()
    {
        foreach (IDisposable outbox in _outboxes) outbox.Dispose();
        _http.Dispose();
        _server.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private HttpExporter NewExporter(int capacity = 1000, int batchSize = 10)
    {
        var options = new ExportOptions
        {
            Enabled = true, Url = _server.Url, BatchSize = batchSize, Capacity = capacity, OutboxPath = OutboxPath,
            FlushInterval = TimeSpan.FromSeconds(2), RequestTimeout = TimeSpan.FromSeconds(10),
        };
        var outbox = new SqliteOutbox(OutboxPath, capacity);
        _outboxes.Add(outbox);
        return new HttpExporter(options, outbox, _http, _time, new Random(42), NullLogger.Instance);
    }

    private static string Reading(int i) =>
        ExportReadingSink.ToJson(new PeerReading("s1", "temperature", i, "C", DateTimeOffset.FromUnixTimeSeconds(1_700_000_000 + i), "udp:127.0.0.1:1"));

    private static void Enqueue(HttpExporter exporter, IEnumerable<int> values) => exporter.Enqueue(values.Select(Reading).ToArray());

    private void AssertEachExactlyOnce(int count) =>
        _server.AllValues().Select(v => (int)v).Should().BeEquivalentTo(Enumerable.Range(0, count), o => o.WithoutStrictOrdering(),
            "every reading arrives exactly once across distinct idempotency keys");

    [Fact]
    public async Task Failing_flapping_and_recovering_server_gets_every_reading_exactly_once()
    {
        HttpExporter exporter = NewExporter();
        Enqueue(exporter, Enumerable.Range(0, 35));
        _time.Advance(TimeSpan.FromSeconds(3));
        var modes = new[] { FakeUpstream.Behaviour.Fail, FakeUpstream.Behaviour.AcceptThenFail, FakeUpstream.Behaviour.Accept };
        for (int attempt = 0; exporter.Outbox.Count > 0; attempt++)
        {
            attempt.Should().BeLessThan(50);
            _server.Mode = modes[attempt % modes.Length];
            await exporter.SendOnceAsync(CancellationToken.None);
        }
        AssertEachExactlyOnce(35);
        _server.Batches.Should().HaveCount(4, "35 readings in batches of 10");
        _server.Requests.Should().HaveCountGreaterThan(4, "failed attempts were retried");
        _server.Requests.Distinct().Should().HaveCount(4, "a retry reuses its batch's idempotency key");
        ExportStatus status = exporter.Outbox.Status();
        status.Should().BeEquivalentTo(new { Queued = 0L, Sent = 35L, Dropped = 0L, LastError = (string?)null });
    }

    [Fact]
    public async Task Restarted_exporter_resends_the_claimed_batch_under_the_same_key_without_duplicates()
    {
        HttpExporter first = NewExporter();
        Enqueue(first, Enumerable.Range(0, 25));
        _server.Mode = FakeUpstream.Behaviour.AcceptThenFail;
        (await first.SendOnceAsync(CancellationToken.None)).Step.Should().Be(ExportStep.Failed);
        string claimedKey = _server.Requests.Single();
        first.Outbox.Status().LastError.Should().Contain("500");
        first.Outbox.Dispose();

        HttpExporter second = NewExporter();
        second.Outbox.Count.Should().Be(25, "nothing was deleted without a success");
        _server.Mode = FakeUpstream.Behaviour.Accept;
        _time.Advance(TimeSpan.FromSeconds(3));
        while (second.Outbox.Count > 0) (await second.SendOnceAsync(CancellationToken.None)).Step.Should().Be(ExportStep.Sent);
        _server.Requests[1].Should().Be(claimedKey, "the batch claimed before the restart keeps its key");
        AssertEachExactlyOnce(25);
    }

    [Fact]
    public async Task Partial_batch_waits_for_the_flush_interval()
    {
        HttpExporter exporter = NewExporter();
        Enqueue(exporter, Enumerable.Range(0, 3));
        (await exporter.SendOnceAsync(CancellationToken.None)).Step.Should().Be(ExportStep.Idle);
        _time.Advance(TimeSpan.FromSeconds(2));
        (await exporter.SendOnceAsync(CancellationToken.None)).Step.Should().Be(ExportStep.Sent);
        AssertEachExactlyOnce(3);
    }

    [Fact]
    public void Full_outbox_drops_the_oldest_and_counts_them()
    {
        HttpExporter exporter = NewExporter(capacity: 5, batchSize: 100);
        Enqueue(exporter, Enumerable.Range(0, 3));
        Enqueue(exporter, Enumerable.Range(3, 5));
        ExportStatus status = exporter.Outbox.Status();
        status.Queued.Should().Be(5);
        status.Dropped.Should().Be(3);
        _time.Advance(TimeSpan.FromSeconds(3));
        OutboxBatch batch = exporter.Outbox.Claim(100, _time.GetUtcNow(), TimeSpan.Zero)!;
        batch.Payloads.Select(p => p.Contains("\"value\":3", StringComparison.Ordinal)).First().Should().BeTrue("the oldest kept reading is 3");
        batch.Payloads.Should().HaveCount(5);
    }

    [Fact]
    public async Task Running_exporter_backs_off_on_failure_and_delivers_after_the_server_recovers()
    {
        HttpExporter exporter = NewExporter();
        _server.Mode = FakeUpstream.Behaviour.Fail;
        await exporter.StartAsync(CancellationToken.None);
        try
        {
            Enqueue(exporter, Enumerable.Range(0, 10));
            AwaitCondition(() => exporter.Outbox.Status().NextAttempt is not null);
            ExportStatus failed = exporter.Outbox.Status();
            failed.LastError.Should().Contain("503");
            (failed.NextAttempt!.Value - _time.GetUtcNow()).Should().BeGreaterThan(TimeSpan.FromSeconds(3.9)).And.BeLessThanOrEqualTo(TimeSpan.FromSeconds(5));
            _server.Mode = FakeUpstream.Behaviour.Accept;
            AwaitCondition(() =>
            {
                _time.Advance(TimeSpan.FromSeconds(1));
                return exporter.Outbox.Count == 0;
            });
            AssertEachExactlyOnce(10);
        }
        finally
        {
            await exporter.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public void Backoff_doubles_from_5s_to_at_most_5min_with_bounded_jitter()
    {
        var backoff = new ExportBackoff(TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), 0.2, new Random(7));
        double[] nominal = [5, 10, 20, 40, 80, 160, 300, 300];
        foreach (double seconds in nominal)
        {
            TimeSpan delay = backoff.NextDelay();
            delay.TotalSeconds.Should().BeInRange(seconds * 0.8, seconds);
        }
        backoff.Reset();
        backoff.NextDelay().TotalSeconds.Should().BeInRange(4, 5);
    }

    [Fact]
    public async Task Export_status_command_reads_the_outbox_from_the_data_dir()
    {
        HttpExporter exporter = NewExporter();
        Enqueue(exporter, Enumerable.Range(0, 12));
        await exporter.SendOnceAsync(CancellationToken.None);
        var output = new StringWriter();
        int code = await Cli.NodeCli.RunAsync(["export", "status", "--data-dir", _dir, "--outbox", "outbox.db"], output, new StringWriter());
        code.Should().Be(0);
        output.ToString().Should().Contain("queued:       2").And.Contain("sent:         10").And.Contain("dropped:      0");
        output.ToString().Should().Contain(string.Create(CultureInfo.InvariantCulture, $"last success: {_time.GetUtcNow():O}"));
    }
}
