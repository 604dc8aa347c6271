using System.Collections.Immutable;
using System.Text.Json.Serialization;
using IotActors.Actors;
using IotActors.Cluster;
using IotActors.Cluster.Membership;
using IotActors.Cluster.Tools.PubSub;
using IotActors.Cluster.Tools.Replication;
using IotActors.Remote;
using IotActors.Remote.Security;
using IotActors.Remote.Serialization;

namespace IotActors.Bench.ClusterTools;

/// <summary>A published benchmark message.</summary>
public sealed record BenchReading(int Seq);

[JsonSerializable(typeof(BenchReading))]
internal sealed partial class ToolsBenchJson : JsonSerializerContext;

/// <summary>In-process actor systems with remoting on 127.0.0.1 (no TLS) running the cluster tools, with a fake membership feed.</summary>
internal static class ToolsBenchNode
{
    private static readonly ClusterSecret Secret = ClusterSecret.Generate();

    public static async Task<(ActorSystem System, UniqueAddress Self)[]> StartAsync(int count, string prefix)
    {
        var nodes = new (ActorSystem, UniqueAddress)[count];
        for (var i = 0; i < count; i++)
        {
            var name = $"{prefix}{i}";
            var system = ActorSystem.Create(name);
            var registry = new MessageRegistry();
            registry.Register("bench.Reading", ToolsBenchJson.Default.BenchReading);
            var settings = new RemoteTransportSettings(name, "bench") { Port = 0, TlsEnabled = false };
            await Remoting.StartAsync(system, new RemotingSetup(settings, Secret, null, registry));
            DistributedPubSub.Start(system);
            var state = ReplicatedState.Start(system);
            nodes[i] = (system, state.SelfAddress);
        }

        var members = nodes.Select(n => new Member(n.Item2, MemberStatus.Up, ImmutableSortedSet<string>.Empty, 1)).ToImmutableList();
        foreach (var (system, self) in nodes)
        {
            var snapshot = new CurrentClusterState(self, members, [], members[0].Address, Guid.Empty);
            DistributedPubSub.Get(system).Mediator.Tell(snapshot, null);
            ReplicatedState.Get(system).Replicator.Tell(snapshot, null);
        }

        return nodes;
    }
}
