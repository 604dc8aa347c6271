using IotActors.Actors;
using Microsoft.Extensions.DependencyInjection;

namespace IotActors.Hosting;

/// <summary>Configures the node's actor system; layers add their own <c>With*</c> extensions on top of <see cref="AddStartupStep"/>.</summary>
public sealed class IotActorsBuilder
{
    private readonly List<Func<ActorSystem, IServiceProvider, CancellationToken, Task>> _steps = [];
    private readonly List<Func<ActorSystemSettings, ActorSystemSettings>> _settings = [];

    internal IotActorsBuilder(IServiceCollection services) => Services = services;

    /// <summary>The application's services, for layers that register their own.</summary>
    public IServiceCollection Services { get; }

    internal IReadOnlyList<Func<ActorSystem, IServiceProvider, CancellationToken, Task>> Steps => _steps;

    /// <summary>Adjusts the kernel settings read from configuration.</summary>
    public IotActorsBuilder WithSettings(Func<ActorSystemSettings, ActorSystemSettings> configure)
    {
        _settings.Add(configure);
        return this;
    }

    /// <summary>Creates the application's top-level actors once the system has started; register refs for DI in the registry.</summary>
    public IotActorsBuilder WithActors(Action<ActorSystem, ActorRegistry> setup) =>
        WithActors((system, registry, _) => setup(system, registry));

    /// <summary>Creates top-level actors with access to the application's services.</summary>
    public IotActorsBuilder WithActors(Action<ActorSystem, ActorRegistry, IServiceProvider> setup) =>
        AddStartupStep((system, services, _) =>
        {
            setup(system, services.GetRequiredService<ActorRegistry>(), services);
            return Task.CompletedTask;
        });

    /// <summary>Runs an asynchronous step while the node starts, in the order steps were added (e.g. binding the remote transport before actors are created).</summary>
    public IotActorsBuilder AddStartupStep(Func<ActorSystem, IServiceProvider, CancellationToken, Task> step)
    {
        _steps.Add(step);
        return this;
    }

    internal ActorSystemSettings ApplySettings(ActorSystemSettings settings) =>
        _settings.Aggregate(settings, (current, configure) => configure(current));
}
