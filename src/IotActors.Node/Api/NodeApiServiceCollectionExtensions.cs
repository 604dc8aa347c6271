using System.Text.Json;
using System.Text.Json.Serialization;
using IotActors.Hosting;
using IotActors.Home.Audit;
using IotActors.Home.History;
using IotActors.Home.Site;
using IotActors.Node.Api.Auth;
using IotActors.Node.Api.Ingest;
using IotActors.Node.Api.Metrics;
using IotActors.Node.Gateways;
using IotActors.Node.Tools;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IotActors.Node.Api;

/// <summary>Registers the REST API, dashboard and metrics. Domain services are added with TryAdd, so a layer registered earlier (the domain actors, the real cluster) wins over the single-node defaults.</summary>
internal static class NodeApiServiceCollectionExtensions
{
    public static IServiceCollection AddNodeApi(this IServiceCollection services, NodeOptions node)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower)));
        string self = $"iot://{node.SystemName}@{node.Name}";

        // Single-node defaults for the domain interfaces.
        services.TryAddSingleton<IHistoryStore>(_ => SqliteHistoryStore.Open(SqliteHistoryStoreOptions.ForDataDir(node.DataDirectory, TimeSpan.FromDays(7))));
        services.TryAddSingleton<IAuditLog>(_ => SqliteAuditLog.OpenInDataDir(node.DataDirectory));
        services.TryAddSingleton(sp => new InMemorySite(sp.GetRequiredService<TimeProvider>(), self, history: sp.GetService<IHistoryStore>()));
        services.TryAddSingleton<ISiteQueries>(sp => sp.GetRequiredService<InMemorySite>());
        services.TryAddSingleton<ISiteCommands>(sp => sp.GetRequiredService<InMemorySite>());
        services.TryAddSingleton<ISiteEvents>(sp => sp.GetRequiredService<InMemorySite>());
        services.TryAddSingleton<IClusterView>(new SingleNodeClusterView(self, node.Roles));
        services.AddSingleton<IReadingSink, SiteReadingSink>();

        // The API's own services.
        services.TryAddSingleton<IApiTokenVerifier>(_ => new StoreTokenVerifier(new ApiTokenStore(node.DataDirectory)));
        services.TryAddSingleton(sp => new SessionStore(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ApiOptions>().SessionLifetime));
        services.TryAddSingleton<MetricsRegistry>();
        services.TryAddSingleton<ApiMetrics>();
        services.TryAddSingleton<ApiAudit>();
        services.TryAddSingleton<IngestRateLimit>();
        services.TryAddSingleton(new DashboardFiles(Path.Combine(AppContext.BaseDirectory, "wwwroot")));

        services.AddSingleton<IApiModule, OpenApiModule>();
        services.AddSingleton<IApiModule, MetricsModule>();
        services.AddSingleton<IApiModule, SessionModule>();
        services.AddSingleton<IApiModule, ClusterModule>();
        services.AddSingleton<IApiModule, SiteModule>();
        services.AddSingleton<IApiModule, DevicesModule>();
        services.AddSingleton<IApiModule, RulesModule>();
        services.AddSingleton<IApiModule, AuditModule>();
        services.AddSingleton<IApiModule, EventsModule>();
        services.AddSingleton<IApiModule, IngestModule>();
        services.AddSingleton<IApiModule, DashboardModule>();
        return services;
    }
}
