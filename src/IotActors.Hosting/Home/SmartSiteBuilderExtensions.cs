using IotActors.Devices.Actors;
using IotActors.Home.Actors;
using IotActors.Home.Audit;
using IotActors.Home.Configuration;
using IotActors.Home.History;
using IotActors.Home.Site;
using IotActors.Home.Wiring;
using IotActors.Persistence;
using IotActors.Remote;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IotActors.Hosting;

/// <summary>Adds the smart-site domain (sensor, actuator, controller and rule actors, the replicated site view) to a node.</summary>
public static class SmartSiteBuilderExtensions
{
    /// <summary>
    /// Starts the domain actors from <c>iotactors.home</c> and registers <see cref="SmartSiteHolder"/>, <see cref="ISiteQueries"/>,
    /// <see cref="ISiteCommands"/> and <see cref="ISiteEvents"/> backed by them (replacing single-node defaults).
    /// </summary>
    /// <remarks>
    /// Call after <c>WithPersistence</c>, <c>WithDistributedPubSub</c>, <c>WithReplicatedState</c> and <c>WithDevices</c> (and
    /// <c>WithRemoting</c>/<c>WithClustering</c> when clustered): the domain's wire messages, role policies and persistent
    /// events are registered into those layers at start. Bad <c>iotactors.home</c> settings stop the start with a
    /// <see cref="HomeConfigurationException"/> listing every error.
    /// </remarks>
    public static IotActorsBuilder WithSmartSite(this IotActorsBuilder builder, Func<SmartSiteSettings, SmartSiteSettings>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<SmartSiteHolder>();
        builder.Services.TryAddSingleton<IHistoryStore>(sp =>
        {
            var home = HomeOptionsReader.Read(sp.GetRequiredService<IConfiguration>());
            return SqliteHistoryStore.Open(SqliteHistoryStoreOptions.ForDataDir(sp.GetRequiredService<NodeOptions>().DataDirectory, home.HistoryRetention, home.HistoryMaxQueue));
        });
        builder.Services.TryAddSingleton<IAuditLog>(sp => SqliteAuditLog.OpenInDataDir(sp.GetRequiredService<NodeOptions>().DataDirectory));
        builder.Services.TryAddSingleton<SmartSiteProxy>();
        builder.Services.AddSingleton<ISiteQueries>(sp => sp.GetRequiredService<SmartSiteProxy>());
        builder.Services.AddSingleton<ISiteEvents>(sp => sp.GetRequiredService<SmartSiteProxy>());
        builder.Services.AddSingleton<ISiteCommands>(sp => sp.GetRequiredService<SmartSiteProxy>());
        return builder.AddStartupStep((system, services, _) =>
        {
            var configuration = services.GetRequiredService<IConfiguration>();
            var node = services.GetRequiredService<NodeOptions>();
            var home = HomeOptionsReader.Read(configuration);
            var reader = new SettingsReader(configuration, "iotactors.home");
            var settings = new SmartSiteSettings(home, system.Address.ToString(), node.Roles)
            {
                SiteUpdateInterval = reader.Duration("site-update-interval", TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(1)),
                CommandTimeout = reader.Duration("command-timeout", TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(5)),
                FailSafeCheckInterval = reader.Duration("actuator.fail-safe-check-interval", TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(10)),
                HardwareTimeout = reader.Duration("actuator.hardware-timeout", TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(5)),
                ControlFeedInterval = reader.Duration("controller.feed-interval", TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(1)),
            };
            settings = configure?.Invoke(settings) ?? settings;
            if (system.GetExtension<Remoting>() is { } remoting && !remoting.Registry.IsRegistered(HomeMessages.ReadingManifest))
            {
                HomeMessages.RegisterWire(remoting.Registry);
            }

            HomeMessages.RegisterPersistence(PersistenceExtension.Get(system).Serializer);
            var registry = services.GetRequiredService<ActorRegistry>();
            registry.TryGet<DeviceManager>(out var deviceManager);
            var history = services.GetService<IHistoryStore>();
            var audit = services.GetService<IAuditLog>();
            var site = SmartSite.Start(system, settings, deviceManager, history, audit);
            registry.Register<SmartSite>(site.Devices);
            services.GetRequiredService<SmartSiteHolder>().Set(site);
            return Task.CompletedTask;
        });
    }
}
