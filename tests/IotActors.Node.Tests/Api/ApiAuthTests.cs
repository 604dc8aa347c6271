using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace IotActors.Node.Tests.Api;

public sealed class ApiAuthTests : IAsyncLifetime
{
    private ApiTestServer _server = null!;

    public async Task InitializeAsync() => _server = await ApiTestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task No_token_gets_401_problem_with_bearer_challenge()
    {
        using HttpResponseMessage response = await _server.Client().GetAsync("/api/devices");
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().Should().StartWith("Bearer");
        await ProblemAssert.IsProblem(response, 401);
    }

    [Fact]
    public async Task Wrong_or_forged_token_gets_401()
    {
        string forged = _server.ViewerToken[..^4] + "0000";
        foreach (string token in new[] { "nonsense", forged, "iot_deadbeef_00" })
        {
            using HttpResponseMessage response = await _server.Client(token).GetAsync("/api/devices");
            response.StatusCode.Should().Be(HttpStatusCode.Unauthorized, token);
        }
    }

    [Fact]
    public async Task Viewer_reads_but_cannot_command_403()
    {
        HttpClient viewer = _server.Client(_server.ViewerToken);
        (await viewer.GetAsync("/api/devices")).StatusCode.Should().Be(HttpStatusCode.OK);
        using HttpResponseMessage response = await viewer.PostAsJsonAsync("/api/devices/fan/commands", new { active = true });
        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await ProblemAssert.IsProblem(response, 403)).GetProperty("detail").GetString().Should().Contain("operator");
        (await _server.Site.GetDeviceAsync("fan"))!.Active.Should().BeFalse();
    }

    [Fact]
    public async Task Operator_commands_but_cannot_edit_rules_or_read_audit()
    {
        HttpClient op = _server.Client(_server.OperatorToken);
        (await op.PostAsJsonAsync("/api/devices/fan/commands", new { active = true })).StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await op.PostAsJsonAsync("/api/rules", ApiContractTests.FanRule("r1"))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await op.DeleteAsync("/api/rules/r1")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await op.GetAsync("/api/audit")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Admin_can_command_edit_rules_and_read_audit()
    {
        HttpClient admin = _server.Client(_server.AdminToken);
        (await admin.PostAsJsonAsync("/api/devices/fan/commands", new { active = true })).StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await admin.PostAsJsonAsync("/api/rules", ApiContractTests.FanRule("r1"))).StatusCode.Should().Be(HttpStatusCode.Created);
        (await admin.GetAsync("/api/audit")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Health_metrics_and_openapi_need_no_token()
    {
        HttpClient anonymous = _server.Client();
        foreach (string path in new[] { "/healthz", "/metrics", "/openapi", "/" })
        {
            (await anonymous.GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.OK, path);
        }
    }

    [Fact]
    public async Task Session_cookie_opens_the_event_stream_but_no_other_endpoint()
    {
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies };
        using var browser = new HttpClient(handler) { BaseAddress = _server.BaseAddress };
        using (var login = new HttpRequestMessage(HttpMethod.Post, "/api/session"))
        {
            login.Headers.Authorization = new("Bearer", _server.ViewerToken);
            using HttpResponseMessage response = await browser.SendAsync(login);
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("role").GetString().Should().Be("viewer");
        }

        cookies.GetCookies(new Uri(_server.BaseAddress, "/api/events")).Should().ContainSingle(c => c.Name == "iotactors_session" && c.HttpOnly);
        (await browser.GetAsync("/api/devices")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        using HttpResponseMessage stream = await browser.GetAsync("/api/events", HttpCompletionOption.ResponseHeadersRead);
        stream.StatusCode.Should().Be(HttpStatusCode.OK);
        stream.Content.Headers.ContentType!.MediaType.Should().Be("text/event-stream");
    }
}
