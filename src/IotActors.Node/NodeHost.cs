using System.Security.Cryptography.X509Certificates;
using IotActors.Home.Actors;
using IotActors.Hosting;
using IotActors.Node.Api;
using IotActors.Node.Gateways;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IotActors.Node;

/// <summary>Builds the process host of a node: the actor system and its layers, plus Kestrel when the API is enabled.</summary>
internal static partial class NodeHost
{
    public static IHost Build(IConfiguration configuration, NodeOptions node)
    {
        ApiOptions api = ApiOptions.From(configuration, node);
        if (!api.Enabled)
        {
            var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { Configuration = new ConfigurationManager() });
            builder.Configuration.AddConfiguration(configuration);
            ConfigureLogging(builder.Logging);
            ConfigureServices(builder.Services, configuration, node);
            return builder.Build();
        }

        var web = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        web.Configuration.Sources.Clear();
        web.Configuration.AddConfiguration(configuration);
        web.Logging.ClearProviders();
        ConfigureLogging(web.Logging);
        web.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(api.Bind, api.Port, listen =>
        {
            if (api.CertificateFile.Length > 0)
            {
                listen.UseHttps(X509CertificateLoader.LoadPkcs12FromFile(api.CertificateFile, password: null));
            }
        }));
        web.Services.AddProblemDetails();
        web.Services.AddSingleton(api);
        web.Services.AddSingleton<IApiModule, HealthModule>();
        web.Services.AddNodeApi(node);
        ConfigureServices(web.Services, configuration, node);

        WebApplication app = web.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        foreach (IApiModule module in app.Services.GetServices<IApiModule>())
        {
            module.Map(app);
        }
        app.Lifetime.ApplicationStarted.Register(() => LogApiListening(
            app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("IotActors.Node.Api"),
            string.Join(", ", app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [])));
        return app;
    }

    private static void ConfigureLogging(ILoggingBuilder logging)
    {
        logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "yyyy-MM-dd HH:mm:ss.fff ";
            o.UseUtcTimestamp = true;
        });
        logging.SetMinimumLevel(LogLevel.Information);
        logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        logging.AddFilter("Microsoft.Hosting", LogLevel.Warning);
    }

    // Every layer of the node registers here; features add their API modules as IApiModule singletons.
    private static void ConfigureServices(IServiceCollection services, IConfiguration configuration, NodeOptions node)
    {
        services.AddSingleton(node);
        bool domain = new SettingsReader(configuration, "iotactors.home").Bool("enabled", true);
        bool debugEndpoints = new SettingsReader(configuration, "iotactors.api").Bool(Api.DebugModule.SettingKey, false);
        services.AddIotActors(builder =>
        {
            // Remoting and cluster membership when a secret is configured, then the layers the domain runs on.
            Cluster.NodeClustering.Configure(builder, configuration, node);
            builder.WithPersistence(HomeMessages.RegisterPersistence).WithDevices().WithDistributedPubSub().WithReplicatedState();
            if (debugEndpoints)
            {
                builder.AddStartupStep(Api.ToolsDebug.ToolsDebugModule.StartProbe);
            }

            if (domain)
            {
                builder.WithSmartSite();
            }
        });
        if (domain)
        {
            services.AddSingleton<IReadingSink, Home.DomainReadingSink>();
        }

        if (debugEndpoints)
        {
            services.AddSingleton<IApiModule, Api.DebugModule>();
            services.AddSingleton<IApiModule, Api.ToolsDebug.ToolsDebugModule>();
        }

        services.AddNodeEdge(node);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "api listening on {Addresses}")]
    private static partial void LogApiListening(ILogger logger, string addresses);
}
