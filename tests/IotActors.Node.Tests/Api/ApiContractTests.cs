using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IotActors.Node.Api.Docs;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace IotActors.Node.Tests.Api;

public sealed class ApiContractTests : IAsyncLifetime
{
    private ApiTestServer _server = null!;

    public async Task InitializeAsync() => _server = await ApiTestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    internal static object FanRule(string id, string actuator = "fan", double onAbove = 25, double offBelow = 24.5) => new
    {
        id, actuator, sensors = new[] { "living-room-temp" }, metric = "temperature", aggregate = "avg", onAbove, offBelow, onConsecutive = 2,
    };

    [Fact]
    public async Task Errors_are_problem_json_everywhere()
    {
        HttpClient admin = _server.Client(_server.AdminToken);
        await ProblemAssert.IsProblem(await admin.GetAsync("/api/devices/nope"), 404);
        await ProblemAssert.IsProblem(await admin.GetAsync("/api/no-such-route"), 404);
        using var bad = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json");
        await ProblemAssert.IsProblem(await admin.PostAsync("/api/devices/fan/commands", bad), 400);
        await ProblemAssert.IsProblem(await admin.PostAsJsonAsync("/api/devices/fan/commands", new { on = true }), 400);
        await ProblemAssert.IsProblem(await admin.GetAsync("/api/devices/fan/history?points=0"), 400);
    }

    [Fact]
    public async Task OpenApi_lists_every_mapped_route_and_method()
    {
        using HttpResponseMessage response = await _server.Client().GetAsync("/openapi");
        JsonElement paths = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("paths");
        var routes = _server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        routes.Should().HaveCountGreaterThan(20);
        foreach (RouteEndpoint route in routes)
        {
            string path = OpenApiDocumentBuilder.PathOf(route.RoutePattern);
            foreach (string method in route.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods)
            {
                paths.TryGetProperty(path, out JsonElement item).Should().BeTrue($"{path} is mapped");
                item.TryGetProperty(method.ToLowerInvariant(), out _).Should().BeTrue($"{method} {path} is mapped");
            }
        }

        string[] expected =
        [
            "/api/cluster", "/api/devices", "/api/devices/{id}", "/api/devices/{id}/history", "/api/devices/{id}/commands", "/api/rules", "/api/rules/{id}",
            "/api/site", "/api/audit", "/api/events", "/api/sensors/{id}/data", "/api/sensors/{id}/config", "/api/sensors/batch", "/metrics", "/healthz",
        ];
        foreach (string path in expected) paths.TryGetProperty(path, out _).Should().BeTrue(path);
        paths.GetProperty("/api/devices/{id}/commands").GetProperty("post").GetProperty("x-required-role").GetString().Should().Be("operator");
    }

    [Fact]
    public async Task Devices_list_detail_and_history_show_readings()
    {
        DateTimeOffset start = _server.Time.GetUtcNow();
        for (int i = 0; i < 10; i++)
        {
            _server.Site.RecordReading("living-room-temp", "temperature", "C", 20 + i);
            _server.Time.Advance(TimeSpan.FromSeconds(10));
        }
        await _server.History.FlushAsync();

        HttpClient viewer = _server.Client(_server.ViewerToken);
        JsonElement list = await Json(await viewer.GetAsync("/api/devices"));
        list.EnumerateArray().Select(d => d.GetProperty("id").GetString()).Should().Equal("fan", "living-room-temp");
        JsonElement sensor = await Json(await viewer.GetAsync("/api/devices/living-room-temp"));
        sensor.GetProperty("value").GetDouble().Should().Be(29);
        sensor.GetProperty("kind").GetString().Should().Be("sensor");
        sensor.GetProperty("unit").GetString().Should().Be("C");

        string from = Uri.EscapeDataString(start.ToString("O"));
        string to = Uri.EscapeDataString(_server.Time.GetUtcNow().ToString("O"));
        JsonElement history = await Json(await viewer.GetAsync($"/api/devices/living-room-temp/history?from={from}&to={to}&points=5"));
        JsonElement[] points = history.GetProperty("points").EnumerateArray().ToArray();
        points.Should().HaveCount(5);
        points.Sum(p => p.GetProperty("count").GetInt64()).Should().Be(10);
        points[0].GetProperty("min").GetDouble().Should().Be(20);
        points[^1].GetProperty("max").GetDouble().Should().Be(29);
    }

    [Fact]
    public async Task Command_turns_the_fan_on_and_is_audited_with_who_and_outcome()
    {
        HttpClient op = _server.Client(_server.OperatorToken);
        JsonElement accepted = await Json(await op.PostAsJsonAsync("/api/devices/fan/commands", new { active = true }), 202);
        accepted.GetProperty("device").GetProperty("active").GetBoolean().Should().BeTrue();
        (await _server.Site.GetDeviceAsync("fan"))!.Active.Should().BeTrue();
        await ProblemAssert.IsProblem(await op.PostAsJsonAsync("/api/devices/living-room-temp/commands", new { active = true }), 409);
        await ProblemAssert.IsProblem(await op.PostAsJsonAsync("/api/devices/ghost/commands", new { active = true }), 404);

        JsonElement audit = await Json(await _server.Client(_server.AdminToken).GetAsync("/api/audit?limit=10"));
        var items = audit.GetProperty("items").EnumerateArray().ToArray();
        items.Should().HaveCount(3);
        items[^1].GetProperty("who").GetString().Should().Be("otto");
        items[^1].GetProperty("role").GetString().Should().Be("operator");
        items[^1].GetProperty("what").GetString().Should().Be("set-active");
        items[^1].GetProperty("target").GetString().Should().Be("fan");
        items[^1].GetProperty("outcome").GetString().Should().Be("accepted");
        items[0].GetProperty("outcome").GetString().Should().Be("unknown-device");
    }

    [Fact]
    public async Task Rules_crud_with_conflict_validation_and_not_found()
    {
        HttpClient admin = _server.Client(_server.AdminToken);
        using HttpResponseMessage created = await admin.PostAsJsonAsync("/api/rules", FanRule("fan-auto"));
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        created.Headers.Location!.ToString().Should().Be("/api/rules/fan-auto");
        await ProblemAssert.IsProblem(await admin.PostAsJsonAsync("/api/rules", FanRule("fan-auto")), 409);
        await ProblemAssert.IsProblem(await admin.PostAsJsonAsync("/api/rules", FanRule("other", "fan")), 409);
        JsonElement invalid = await ProblemAssert.IsProblem(await admin.PostAsJsonAsync("/api/rules", FanRule("bad", "fan2", onAbove: 20, offBelow: 21)), 422);
        invalid.GetProperty("detail").GetString().Should().Contain("off-below");

        (await admin.PutAsJsonAsync("/api/rules/fan-auto", FanRule("fan-auto", onAbove: 26))).StatusCode.Should().Be(HttpStatusCode.OK);
        JsonElement rule = await Json(await admin.GetAsync("/api/rules/fan-auto"));
        rule.GetProperty("onAbove").GetDouble().Should().Be(26);
        JsonElement all = await Json(await admin.GetAsync("/api/rules"));
        all.GetProperty("version").GetInt64().Should().Be(2);

        (await admin.DeleteAsync("/api/rules/fan-auto")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        await ProblemAssert.IsProblem(await admin.DeleteAsync("/api/rules/fan-auto"), 404);
        await ProblemAssert.IsProblem(await admin.PutAsJsonAsync("/api/rules/fan-auto", FanRule("fan-auto")), 404);

        JsonElement audit = await Json(await admin.GetAsync("/api/audit?limit=100"));
        audit.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("what").GetString() + ":" + i.GetProperty("outcome").GetString())
            .Should().Contain(["rule-add:applied", "rule-add:conflict", "rule-replace:applied", "rule-remove:applied", "rule-remove:notfound"]);
    }

    [Fact]
    public async Task Site_and_cluster_summaries_describe_the_single_node()
    {
        HttpClient viewer = _server.Client(_server.ViewerToken);
        JsonElement site = await Json(await viewer.GetAsync("/api/site"));
        site.GetProperty("devices").GetInt32().Should().Be(2);
        site.GetProperty("actuators").GetInt32().Should().Be(1);
        JsonElement cluster = await Json(await viewer.GetAsync("/api/cluster"));
        cluster.GetProperty("self").GetString().Should().Be("iot://test@node1");
        cluster.GetProperty("leader").GetString().Should().Be("iot://test@node1");
        JsonElement member = cluster.GetProperty("members").EnumerateArray().Single();
        member.GetProperty("status").GetString().Should().Be("up");
        member.GetProperty("reachable").GetBoolean().Should().BeTrue();
        member.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Should().Equal("dashboard");
    }

    internal static async Task<JsonElement> Json(HttpResponseMessage response, int status = 200)
    {
        string text = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).Should().Be(status, text);
        return JsonDocument.Parse(text).RootElement;
    }
}
