using System.Net;
using System.Net.Http.Headers;
using IotActors.Hosting;
using IotActors.Home.Audit;
using IotActors.Home.History;
using IotActors.Home.Model;
using IotActors.Home.Site;
using IotActors.Node.Api;
using IotActors.Node.Tools;
using IotActors.TestKit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IotActors.Node.Tests.Api;

/// <summary>The node's API pipeline (as NodeHost builds it) on a real Kestrel at 127.0.0.1:0, over an <see cref="InMemorySite"/> and a manual clock.</summary>
internal sealed class ApiTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _dataDir;
    private readonly SqliteAuditLog _audit;
    private readonly SqliteHistoryStore _history;

    private ApiTestServer(WebApplication app, string dataDir, ManualTimeProvider time, InMemorySite site, SqliteAuditLog audit, SqliteHistoryStore history, ApiTokenStore tokens)
    {
        _app = app;
        _dataDir = dataDir;
        Time = time;
        Site = site;
        _audit = audit;
        _history = history;
        DateTimeOffset now = time.GetUtcNow();
        ViewerToken = tokens.Create(ApiRole.Viewer, "vera", now);
        OperatorToken = tokens.Create(ApiRole.Operator, "otto", now);
        AdminToken = tokens.Create(ApiRole.Admin, "ada", now);
        BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
    }

    public ManualTimeProvider Time { get; }
    public InMemorySite Site { get; }
    public IHistoryStore History => _history;
    public Uri BaseAddress { get; }
    public string ViewerToken { get; }
    public string OperatorToken { get; }
    public string AdminToken { get; }
    public IServiceProvider Services => _app.Services;

    public static async Task<ApiTestServer> StartAsync(ApiOptions? options = null)
    {
        string dataDir = Path.Combine(Path.GetTempPath(), "iotactors-api-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDir);
        var time = new ManualTimeProvider(DateTimeOffset.UtcNow);
        var history = SqliteHistoryStore.Open(SqliteHistoryStoreOptions.ForDataDir(dataDir, TimeSpan.FromDays(1)));
        var audit = SqliteAuditLog.OpenInDataDir(dataDir);
        var site = new InMemorySite(time, "iot://test@node1", history: history);
        site.RegisterDevice("fan", DeviceKind.Actuator);
        site.RegisterDevice("living-room-temp", DeviceKind.Sensor);
        var node = new NodeOptions { Name = "node1", SystemName = "test", DataDirectory = dataDir, Roles = ["dashboard"] };

        var web = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        web.Logging.ClearProviders();
        web.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        web.Services.AddProblemDetails();
        web.Services.AddSingleton<TimeProvider>(time);
        web.Services.AddSingleton(options ?? new ApiOptions { Enabled = true, Port = 0 });
        web.Services.AddSingleton<IHistoryStore>(history);
        web.Services.AddSingleton<IAuditLog>(audit);
        web.Services.AddSingleton(site);
        web.Services.AddSingleton<IApiModule, HealthModule>();
        web.Services.AddNodeApi(node);

        WebApplication app = web.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        foreach (IApiModule module in app.Services.GetServices<IApiModule>()) module.Map(app);
        await app.StartAsync();
        return new ApiTestServer(app, dataDir, time, site, audit, history, new ApiTokenStore(dataDir));
    }

    public HttpClient Client(string? token = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(20) };
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _history.DisposeAsync();
        _audit.Dispose();
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
            // A pooled SQLite handle may linger; the temp folder is left behind.
        }
    }
}
