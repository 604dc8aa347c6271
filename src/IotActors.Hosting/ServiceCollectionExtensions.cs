using IotActors.Actors;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IotActors.Hosting;

/// <summary>Registers an IotActors node in a .NET host.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>Adds the actor system, started and stopped with the host, configured from the <c>iotactors</c> configuration section.</summary>
    public static IServiceCollection AddIotActors(this IServiceCollection services, Action<IotActorsBuilder>? configure = null)
    {
        var builder = new IotActorsBuilder(services);
        configure?.Invoke(builder);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(builder);
        services.AddSingleton<ActorSystemHolder>();
        services.AddSingleton<ActorRegistry>();
        services.TryAddSingleton(sp => NodeOptions.From(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton(sp => sp.GetRequiredService<ActorSystemHolder>().Get());
        services.AddHostedService<ActorSystemHostedService>();
        return services;
    }
}
