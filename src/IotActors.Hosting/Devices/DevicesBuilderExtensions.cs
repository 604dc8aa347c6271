using IotActors.Devices.Actors;
using IotActors.Devices.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IotActors.Hosting;

/// <summary>Adds the node's hardware devices (<c>iotactors.devices</c>) as device actors under one <see cref="DeviceManager"/>.</summary>
public static partial class DevicesBuilderExtensions
{
    /// <summary>At start-up: validates <c>iotactors.devices</c> and <c>iotactors.device-actors</c>, creates every driver, starts the <see cref="DeviceManager"/> and registers it in the <see cref="ActorRegistry"/>.</summary>
    /// <remarks>A bad entry stops the node: host start fails with a <see cref="DeviceConfigurationException"/> naming every bad entry (or an <see cref="InvalidSettingException"/> naming the key).</remarks>
    public static IotActorsBuilder WithDevices(this IotActorsBuilder builder, Action<DevicesOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new DevicesOptions();
        configure?.Invoke(options);
        return builder.AddStartupStep((system, services, _) =>
        {
            var configuration = services.GetRequiredService<IConfiguration>();
            var loggers = services.GetRequiredService<ILoggerFactory>();
            var settings = DeviceActorSettingsReader.From(configuration);
            var specs = DeviceSpecParser.Parse(configuration.GetSection("iotactors:devices"));
            var factory = new DeviceFactory(system.TimeProvider, loggers, options.OpenChip, options.BaseDirectory);
            IReadOnlyList<DeviceDefinition> definitions;
            try
            {
                definitions = DeviceDefinitions.FromSpecs(specs, factory);
            }
            catch
            {
                factory.Dispose();
                throw;
            }

            system.RegisterOnTermination(() =>
            {
                factory.Dispose();
                return Task.CompletedTask;
            });
            var registry = services.GetRequiredService<ActorRegistry>();
            var owner = options.Owner?.Invoke(system, registry);
            var manager = system.ActorOf(DeviceManager.Props(definitions, settings, owner), options.ActorName);
            registry.Register<DeviceManager>(manager);
            LogDevicesStarted(loggers.CreateLogger("IotActors.Hosting.Devices"), specs.Count, manager.Path.ToString());
            return Task.CompletedTask;
        });
    }

    [LoggerMessage(EventId = 4300, Level = LogLevel.Information, Message = "{Count} devices from iotactors.devices started under {Path}")]
    private static partial void LogDevicesStarted(ILogger logger, int count, string path);
}
