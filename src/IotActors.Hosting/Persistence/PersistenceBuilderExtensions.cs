using IotActors.Actors;
using IotActors.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace IotActors.Hosting;

/// <summary>Adds persistence (journal, snapshot store, persistent actors) to a node.</summary>
public static partial class PersistenceBuilderExtensions
{
    /// <summary>Reads <c>iotactors.persistence</c>, opens the stores while the node starts and registers the persistence extension; the stores close when the system terminates.</summary>
    /// <param name="builder">The node builder.</param>
    /// <param name="registerTypes">Registers the event and snapshot types with their manifests.</param>
    /// <remarks>A corrupt or truncated database file stops the start-up with a <see cref="PersistenceStoreCorruptedException"/> naming the file.</remarks>
    public static IotActorsBuilder WithPersistence(this IotActorsBuilder builder, Action<PersistenceSerializer>? registerTypes = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton(sp => PersistenceSettingsReader.From(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<NodeOptions>()));
        return builder.AddStartupStep((system, services, cancellationToken) => StartAsync(system, services, registerTypes, cancellationToken));
    }

    private static async Task StartAsync(ActorSystem system, IServiceProvider services, Action<PersistenceSerializer>? registerTypes, CancellationToken cancellationToken)
    {
        var settings = services.GetRequiredService<PersistenceSettings>();
        var serializer = new PersistenceSerializer();
        registerTypes?.Invoke(serializer);
        var logger = system.LoggerFactory.CreateLogger("IotActors.Persistence");
        PersistenceSetup setup;
        try
        {
            setup = settings.Plugin == "postgres"
                ? await PersistenceStores.OpenPostgresAsync(settings.PostgresJournal!, settings.PostgresSnapshots!, logger, cancellationToken).ConfigureAwait(false)
                : await PersistenceStores.OpenSqliteAsync(settings.SqliteJournal, settings.SqliteSnapshots, logger, cancellationToken).ConfigureAwait(false);
        }
        catch (PersistenceStoreCorruptedException ex)
        {
            LogCorrupt(logger, ex, ex.FilePath);
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogOpenFailed(logger, ex, settings.Plugin);
            throw;
        }

        PersistenceExtension.Register(system, setup with
        {
            Serializer = serializer,
            SnapshotPolicy = settings.SnapshotPolicy,
            ReplayBatchSize = settings.ReplayBatchSize,
            MaxConcurrentRecoveries = settings.MaxConcurrentRecoveries,
        });
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "the persistence database file {File} is corrupt or truncated; the node stops")]
    private static partial void LogCorrupt(ILogger logger, Exception exception, string file);

    [LoggerMessage(Level = LogLevel.Critical, Message = "opening the {Plugin} persistence stores failed; the node stops")]
    private static partial void LogOpenFailed(ILogger logger, Exception exception, string plugin);
}
