using IotActors.Actors;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IotActors.Hosting;

/// <summary>Starts the actor system with the host and terminates it, within the node's shutdown timeout, when the host stops.</summary>
internal sealed partial class ActorSystemHostedService(
    IotActorsBuilder builder,
    ActorSystemHolder holder,
    NodeOptions node,
    IConfiguration configuration,
    ILoggerFactory loggerFactory,
    TimeProvider timeProvider,
    IServiceProvider services,
    ILogger<ActorSystemHostedService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        ActorSystemSettings settings = builder.ApplySettings(ActorSettingsReader.From(configuration));
        ActorSystem system = ActorSystem.Create(node.SystemName, settings, loggerFactory, timeProvider);
        holder.Set(system);
        LogStarting(logger, node.Name, node.SystemName, string.Join(",", node.Roles));
        foreach (var step in builder.Steps)
        {
            await step(system, services, cancellationToken).ConfigureAwait(false);
        }

        if (node.HeartbeatLogInterval > TimeSpan.Zero)
        {
            system.SystemActorOf(Props.Create(() => new NodeHeartbeatActor(node)), "node-heartbeat");
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (holder.TryGet() is not { } system) return;
        LogStopping(logger, node.Name);
        Task terminated = system.Terminate();
        Task finished = await Task.WhenAny(terminated, Task.Delay(node.ShutdownTimeout, timeProvider, cancellationToken)).ConfigureAwait(false);
        if (finished != terminated)
        {
            LogShutdownTimedOut(logger, node.ShutdownTimeout);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "node {Node} starting actor system {System} with roles [{Roles}]")]
    private static partial void LogStarting(ILogger logger, string node, string system, string roles);

    [LoggerMessage(Level = LogLevel.Information, Message = "node {Node} stopping")]
    private static partial void LogStopping(ILogger logger, string node);

    [LoggerMessage(Level = LogLevel.Warning, Message = "actor system did not terminate within {Timeout}; stopping anyway")]
    private static partial void LogShutdownTimedOut(ILogger logger, TimeSpan timeout);
}
