using IotActors.Actors;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ClusterExtension = IotActors.Cluster.Cluster;

namespace IotActors.Hosting;

/// <summary>Leaves the cluster when the host begins to stop, before the actor system is terminated.</summary>
internal sealed partial class ClusterLeaveOnShutdown(ActorSystemHolder holder, ILogger<ClusterLeaveOnShutdown> logger) : IHostedLifecycleService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        if (holder.TryGet() is not { } system || system.GetExtension<ClusterExtension>() is not { } cluster || !cluster.State.IsMember)
        {
            return;
        }

        LogLeaving(logger, cluster.SelfAddress.Address);
        var removed = await cluster.LeaveAsync().ConfigureAwait(false);
        if (removed)
        {
            LogLeft(logger);
        }
        else
        {
            LogLeaveTimedOut(logger, cluster.Settings.LeaveTimeout);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "node leaving the cluster as {Address} before shutdown")]
    private static partial void LogLeaving(ILogger logger, string address);

    [LoggerMessage(Level = LogLevel.Information, Message = "node left the cluster (removed); shutting down")]
    private static partial void LogLeft(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "node was not removed from the cluster within {Timeout}; shutting down anyway")]
    private static partial void LogLeaveTimedOut(ILogger logger, TimeSpan timeout);
}
