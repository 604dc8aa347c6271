using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using IotActors.Home.Site;
using IotActors.Node.Api;

namespace IotActors.Node.Tests.Api;

public sealed class EventsAndIngestTests : IAsyncLifetime
{
    private ApiTestServer _server = null!;

    public async Task InitializeAsync() => _server = await ApiTestServer.StartAsync(new ApiOptions { Enabled = true, Port = 0, IngestBurst = 3, IngestRatePerSecond = 0.5 });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Sse_delivers_a_reading_state_change_and_member_event_within_one_second()
    {
        using HttpClient viewer = _server.Client(_server.ViewerToken);
        using HttpResponseMessage response = await viewer.GetAsync("/api/events", HttpCompletionOption.ResponseHeadersRead);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/event-stream");
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        (await ReadUntil(reader, l => l == ": connected", TimeSpan.FromSeconds(5))).Should().NotBeNull();

        var clock = Stopwatch.StartNew();
        _server.Site.RecordReading("living-room-temp", "temperature", "C", 23.5);
        string? data = await ReadEvent(reader, "reading", TimeSpan.FromSeconds(1));
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(1));
        JsonElement reading = JsonDocument.Parse(data!).RootElement;
        reading.GetProperty("deviceId").GetString().Should().Be("living-room-temp");
        reading.GetProperty("value").GetDouble().Should().Be(23.5);

        await _server.Client(_server.OperatorToken).PostAsJsonAsync("/api/devices/fan/commands", new { active = true });
        JsonDocument.Parse((await ReadEvent(reader, "state", TimeSpan.FromSeconds(5)))!).RootElement.GetProperty("active").GetBoolean().Should().BeTrue();

        _server.Site.PublishMemberEvent(new MemberEvent("up", new ClusterMemberInfo("iot://test@node2", "up", ["sensor"], true), _server.Time.GetUtcNow()));
        JsonDocument.Parse((await ReadEvent(reader, "member", TimeSpan.FromSeconds(5)))!).RootElement.GetProperty("member").GetProperty("address").GetString().Should().Be("iot://test@node2");
    }

    [Fact]
    public async Task Sse_sends_a_heartbeat_comment_every_15_seconds_of_the_injected_clock()
    {
        using HttpClient viewer = _server.Client(_server.ViewerToken);
        using HttpResponseMessage response = await viewer.GetAsync("/api/events", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        (await ReadUntil(reader, l => l == ": connected", TimeSpan.FromSeconds(5))).Should().NotBeNull();
        _server.Time.Advance(TimeSpan.FromSeconds(15));
        (await ReadUntil(reader, l => l == ": heartbeat", TimeSpan.FromSeconds(5))).Should().NotBeNull();
    }

    [Fact]
    public async Task Ingest_returns_201_and_the_reading_reaches_the_site()
    {
        HttpClient op = _server.Client(_server.OperatorToken);
        using HttpResponseMessage response = await op.PostAsJsonAsync("/api/sensors/esp32-1/data", new { temperature = 21.5, humidity = 40, timestamp = 1772366400 });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        response.Headers.Location!.ToString().Should().Be("/api/devices/esp32-1");
        var device = await _server.Site.GetDeviceAsync("esp32-1");
        device!.LastReading!.SourceTime.Should().Be(DateTimeOffset.FromUnixTimeSeconds(1772366400));
        JsonElement config = await ApiContractTests.Json(await _server.Client(_server.ViewerToken).GetAsync("/api/sensors/esp32-1/config"));
        config.GetProperty("registered").GetBoolean().Should().BeTrue();
        config.GetProperty("dataUrl").GetString().Should().Be("/api/sensors/esp32-1/data");
    }

    [Fact]
    public async Task Ingest_is_rate_limited_per_source_with_429_and_retry_after_until_the_bucket_refills()
    {
        HttpClient op = _server.Client(_server.OperatorToken);
        for (int i = 0; i < 3; i++)
        {
            (await op.PostAsJsonAsync("/api/sensors/t1/data", new { metric = "temperature", value = 20 + i })).StatusCode.Should().Be(HttpStatusCode.Created);
        }
        using HttpResponseMessage limited = await op.PostAsJsonAsync("/api/sensors/t1/data", new { metric = "temperature", value = 30 });
        await ProblemAssert.IsProblem(limited, 429);
        limited.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(2));
        (await _server.Site.GetDeviceAsync("t1"))!.LastReading!.Value.Should().Be(22);

        _server.Time.Advance(TimeSpan.FromSeconds(2));
        (await op.PostAsJsonAsync("/api/sensors/t1/data", new { metric = "temperature", value = 31 })).StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Batch_is_all_or_nothing_and_bad_input_names_the_item()
    {
        HttpClient op = _server.Client(_server.OperatorToken);
        var bad = new object[] { new { device = "a1", metric = "temperature", value = 20 }, new { device = "a2", metric = "temperature", value = "warm" } };
        JsonElement problem = await ProblemAssert.IsProblem(await op.PostAsJsonAsync("/api/sensors/batch", bad), 400);
        problem.GetProperty("detail").GetString().Should().StartWith("item 1:");
        (await _server.Site.GetDeviceAsync("a1")).Should().BeNull();

        var good = new { readings = new object[] { new { device = "a1", temperature = 20.5 }, new { sensor_id = "a2", metric = "humidity", value = 55, unit = "%" } } };
        JsonElement accepted = await ApiContractTests.Json(await op.PostAsJsonAsync("/api/sensors/batch", good), 201);
        accepted.GetProperty("accepted").GetInt32().Should().Be(2);
        (await _server.Site.GetDeviceAsync("a2"))!.LastReading!.Metric.Should().Be("humidity");
    }

    [Fact]
    public async Task Metrics_are_valid_prometheus_text_and_count_ingest_and_auth_failures()
    {
        await _server.Client(_server.OperatorToken).PostAsJsonAsync("/api/sensors/t9/data", new { temperature = 20 });
        await _server.Client().GetAsync("/api/devices");
        using HttpResponseMessage response = await _server.Client().GetAsync("/metrics");
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/plain");
        string text = await response.Content.ReadAsStringAsync();

        var sample = new Regex(@"^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{([a-zA-Z_][a-zA-Z0-9_]*=""(\\.|[^""\\])*"",?)*\})? (-?[0-9.eE+-]+|NaN|\+Inf|-Inf)$");
        var typed = new HashSet<string>();
        foreach (string line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                string[] parts = line.Split(' ');
                parts.Should().HaveCount(4);
                parts[3].Should().BeOneOf("counter", "gauge");
                typed.Add(parts[2]).Should().BeTrue($"{parts[2]} is typed once");
                continue;
            }
            if (line.StartsWith("# HELP ", StringComparison.Ordinal)) continue;
            Match match = sample.Match(line);
            match.Success.Should().BeTrue(line);
            typed.Should().Contain(match.Groups[1].Value, "a sample follows its TYPE line");
        }
        text.Should().Contain("iotactors_ingest_readings_total 1\n");
        text.Should().Contain("iotactors_api_auth_failures_total{reason=\"missing\"} 1\n");
        text.Should().Contain("iotactors_cluster_members{status=\"up\"} 1\n");
        foreach (string runtime in new[] { "process_cpu_seconds_total", "dotnet_jit_compiled_methods_total", "dotnet_jit_compilation_seconds_total", "process_working_set_bytes" })
        {
            Regex.Match(text, $"^{runtime} ([0-9.eE+-]+)$", RegexOptions.Multiline).Groups[1].Value
                .Should().Match(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture) > 0, $"{runtime} is reported");
        }
    }

    private static async Task<string?> ReadEvent(StreamReader reader, string name, TimeSpan timeout)
    {
        string? line = await ReadUntil(reader, l => l == "event: " + name, timeout);
        if (line is null) return null;
        string? data = await ReadUntil(reader, l => l.StartsWith("data: ", StringComparison.Ordinal), timeout);
        return data?["data: ".Length..];
    }

    private static async Task<string?> ReadUntil(StreamReader reader, Func<string, bool> match, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            while (await reader.ReadLineAsync(cts.Token) is { } line)
            {
                if (match(line)) return line;
            }
        }
        catch (OperationCanceledException)
        {
        }
        return null;
    }
}
