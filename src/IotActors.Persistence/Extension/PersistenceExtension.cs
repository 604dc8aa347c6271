using IotActors.Actors;

namespace IotActors.Persistence;

/// <summary>The persistence of one actor system (one per node): the journal, snapshot store, serializer and queries persistent actors use.</summary>
/// <remarks>Thread-safe. Register it once with <see cref="Register"/> before the first persistent actor starts.</remarks>
public sealed class PersistenceExtension : IAsyncDisposable
{
    private int _disposed;

    private PersistenceExtension(ActorSystem system, PersistenceSetup setup)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(setup.ReplayBatchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(setup.MaxConcurrentRecoveries, 1);
        RecoverySlots = new SemaphoreSlim(setup.MaxConcurrentRecoveries, setup.MaxConcurrentRecoveries);
        System = system;
        Journal = setup.Journal;
        ReadJournal = setup.ReadJournal;
        SnapshotStore = setup.SnapshotStore;
        Serializer = setup.Serializer;
        SnapshotPolicy = new SnapshotPolicy(setup.SnapshotPolicy);
        ReplayBatchSize = setup.ReplayBatchSize;
        Queries = new PersistenceQueries(ReadJournal, Serializer);
    }

    /// <summary>The actor system this extension belongs to.</summary>
    public ActorSystem System { get; }

    /// <summary>The event journal.</summary>
    public IJournal Journal { get; }

    /// <summary>The query side of the journal (raw, serialized events).</summary>
    public IReadJournal ReadJournal { get; }

    /// <summary>The snapshot store.</summary>
    public ISnapshotStore SnapshotStore { get; }

    /// <summary>The manifest registry; registering more types at run time is allowed.</summary>
    public PersistenceSerializer Serializer { get; }

    /// <summary>The configured snapshot rules.</summary>
    public SnapshotPolicy SnapshotPolicy { get; }

    /// <summary>Events read, decoded and applied per recovery step.</summary>
    public int ReplayBatchSize { get; }

    internal SemaphoreSlim RecoverySlots { get; }

    /// <summary>Queries returning deserialized events, for history views and projections.</summary>
    public PersistenceQueries Queries { get; }

    /// <summary>Registers the extension for <paramref name="system"/>; a second registration is refused.</summary>
    /// <exception cref="InvalidOperationException">Persistence is already registered for this system.</exception>
    public static PersistenceExtension Register(ActorSystem system, PersistenceSetup setup)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(setup);
        PersistenceExtension? created = null;
        var extension = system.RegisterExtension(s => created = new PersistenceExtension(s, setup));
        if (!ReferenceEquals(extension, created))
        {
            throw new InvalidOperationException($"Persistence is already registered for actor system '{system.Name}'; register it once per system.");
        }

        if (setup.DisposeStoresOnTermination)
        {
            system.RegisterOnTermination(() => extension.DisposeAsync().AsTask());
        }

        return extension;
    }

    /// <summary>Returns the extension registered for <paramref name="system"/>.</summary>
    /// <exception cref="InvalidOperationException">Persistence was not registered (call <see cref="Register"/> or the host's WithPersistence).</exception>
    public static PersistenceExtension Get(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.GetExtension<PersistenceExtension>()
            ?? throw new InvalidOperationException($"Persistence is not configured for actor system '{system.Name}'; call PersistenceExtension.Register (or builder.WithPersistence() in a host) before starting persistent actors.");
    }

    /// <summary>Streams the stored events of one entity between the bounds (inclusive), deserialized, then completes.</summary>
    public IAsyncEnumerable<EventEnvelope> CurrentEventsByPersistenceId(string persistenceId, long fromSequenceNr = 1, long toSequenceNr = long.MaxValue, CancellationToken cancellationToken = default) =>
        Queries.CurrentEventsByPersistenceId(persistenceId, fromSequenceNr, toSequenceNr, cancellationToken);

    /// <summary>Streams the events tagged <paramref name="tag"/> after <paramref name="offset"/> stored now, deserialized, then completes.</summary>
    public IAsyncEnumerable<EventEnvelope> CurrentEventsByTag(string tag, long offset = 0, CancellationToken cancellationToken = default) =>
        Queries.CurrentEventsByTag(tag, offset, cancellationToken);

    /// <summary>Streams the events tagged <paramref name="tag"/> after <paramref name="offset"/>, then follows new ones until cancelled.</summary>
    public IAsyncEnumerable<EventEnvelope> EventsByTag(string tag, long offset, CancellationToken cancellationToken) =>
        Queries.EventsByTag(tag, offset, cancellationToken);

    /// <summary>Disposes the journal and the snapshot store (once).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await Journal.DisposeAsync().ConfigureAwait(false);
        if (!ReferenceEquals(ReadJournal, Journal) && ReadJournal is IAsyncDisposable readJournal)
        {
            await readJournal.DisposeAsync().ConfigureAwait(false);
        }

        await SnapshotStore.DisposeAsync().ConfigureAwait(false);
    }
}
