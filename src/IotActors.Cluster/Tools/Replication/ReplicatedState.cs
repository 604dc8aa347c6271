using System.Security.Cryptography;
using IotActors.Actors;
using IotActors.Cluster.Membership;
using IotActors.Cluster.Replication;
using IotActors.Remote;

namespace IotActors.Cluster.Tools.Replication;

/// <summary>The replicated site state: a last-writer-wins map (key = device id, value = JSON document) equal on every node.</summary>
/// <remarks>
/// Thread-safe. Start it after remoting (and the cluster, when it runs); the replicator at <c>/system/replicator</c> then follows
/// membership on its own. Without the cluster it takes cluster events sent to <see cref="Replicator"/> (tests, single node)
/// and writes as <see cref="SelfAddress"/>.
/// </remarks>
public sealed class ReplicatedState
{
    private readonly ActorSystem _system;

    private ReplicatedState(ActorSystem system, ReplicatedStateSettings settings, UniqueAddress? standaloneSelf)
    {
        _system = system;
        Settings = settings;
        var clustered = system.HasExtension<Cluster>();
        StandaloneSelf = standaloneSelf;
        Func<string> selfKey = clustered ? () => Cluster.Get(system).SelfAddress.VersionKey : () => standaloneSelf!.VersionKey;
        Replicator = system.SystemActorOf(Tools.Replication.Replicator.Props(settings, system.Address.ToString(), selfKey, clustered), "replicator");
    }

    /// <summary>The local replicator; send it <see cref="Update"/>, <see cref="Get"/>, <see cref="GetAll"/>, <see cref="SubscribeChanges"/>.</summary>
    public IActorRef Replicator { get; }

    /// <summary>The settings the replicator runs with.</summary>
    public ReplicatedStateSettings Settings { get; }

    /// <summary>The identity this node writes as: the cluster's self address when the cluster runs.</summary>
    public UniqueAddress SelfAddress => StandaloneSelf ?? Cluster.Get(_system).SelfAddress;

    private UniqueAddress? StandaloneSelf { get; }

    /// <summary>Starts the replicator on <paramref name="system"/>.</summary>
    /// <exception cref="InvalidOperationException">Replicated state is already started on this system.</exception>
    public static ReplicatedState Start(ActorSystem system, ReplicatedStateSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        settings ??= new ReplicatedStateSettings();
        settings.Validate();
        if (system.HasExtension<ReplicatedState>())
        {
            throw new InvalidOperationException($"Replicated state is already started for actor system {system.Name}.");
        }

        if (system.GetExtension<Remoting>() is { } remoting)
        {
            ClusterToolsMessages.RegisterInto(remoting.Registry);
        }

        UniqueAddress? standalone = null;
        if (!system.HasExtension<Cluster>())
        {
            var a = system.Address;
            var uid = BitConverter.ToInt64(RandomNumberGenerator.GetBytes(8)) & long.MaxValue;
            standalone = new UniqueAddress(a.System, a.Host ?? "local", a.Port ?? 0, uid == 0 ? 1 : uid);
        }

        return system.RegisterExtension(s => new ReplicatedState(s, settings, standalone));
    }

    /// <summary>The replicated state of <paramref name="system"/>; throws when it was not started.</summary>
    public static ReplicatedState Get(ActorSystem system) =>
        system.GetExtension<ReplicatedState>()
        ?? throw new InvalidOperationException($"Replicated state is not started for actor system {system.Name}; call ReplicatedState.Start (or builder.WithReplicatedState) first.");

    /// <summary>Writes <paramref name="valueJson"/> under <paramref name="key"/> and returns its version.</summary>
    /// <exception cref="ArgumentException">The key is empty, or the value is not JSON or too large.</exception>
    public Task<UpdateAck> UpdateAsync(string key, string valueJson, TimeSpan? timeout = null) =>
        Replicator.Ask<UpdateAck>(new Update(key, valueJson), timeout ?? TimeSpan.FromSeconds(5));

    /// <summary>The entry under <paramref name="key"/>, or null.</summary>
    public async Task<LwwEntry?> GetAsync(string key, TimeSpan? timeout = null) =>
        (await Replicator.Ask<GetResult>(new Get(key), timeout ?? TimeSpan.FromSeconds(5)).ConfigureAwait(false)).Entry;

    /// <summary>Every entry on this node.</summary>
    public Task<AllEntries> GetAllAsync(TimeSpan? timeout = null) =>
        Replicator.Ask<AllEntries>(GetAll.Instance, timeout ?? TimeSpan.FromSeconds(5));
}
