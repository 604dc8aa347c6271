using System.Diagnostics;
using System.Globalization;
using IotActors.Actors;
using IotActors.Cluster.Membership;
using IotActors.Remote;
using IotActors.Remote.Security;
using IotActors.Remote.Serialization;
using ClusterExtension = IotActors.Cluster.Cluster;

namespace IotActors.Bench.Cluster;

/// <summary>
/// <c>cluster-idle --nodes 10 --seconds 10</c>: N actor systems with only remoting and the cluster (default 1 s timings) in one
/// process on loopback; after formation, the cluster layer's idle cost per node: link bytes/s (transport metrics), gossip and
/// heartbeat messages/s, and the process CPU divided by N.
/// </summary>
internal sealed class ClusterIdleCommand : IBenchCommand
{
    public string Name => "cluster-idle";

    public string Usage => "[--nodes 10] [--seconds 10]: idle bytes/s, messages/s and CPU per node of the cluster layer alone";

    public async Task<int> RunAsync(string[] args)
    {
        int count = CommandArgs.Int(args, "--nodes", 10);
        int seconds = CommandArgs.Int(args, "--seconds", 10);
        var secret = ClusterSecret.Generate();
        using var certificate = NodeCertificate.CreateSelfSigned("bench", DateTimeOffset.UtcNow);
        var clusters = new List<ClusterExtension>();
        for (int i = 0; i < count; i++)
        {
            var system = ActorSystem.Create("bench");
            var transport = new RemoteTransportSettings("bench", "bench") { Port = 0 };
            await Remoting.StartAsync(system, new RemotingSetup(transport, secret, certificate, new MessageRegistry()));
            clusters.Add(ClusterExtension.Start(system));
        }

        var formation = Stopwatch.StartNew();
        var seed = Remoting.Get(clusters[0].System).Address;
        foreach (var c in clusters) c.Join(seed);
        while (!clusters.All(c => c.State.Members.Count(m => m.Status == MemberStatus.Up) == count && c.State.Leader is not null))
        {
            if (formation.Elapsed > TimeSpan.FromSeconds(60)) throw new TimeoutException("the in-process cluster did not form within 60 s");
            await Task.Delay(50);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count} nodes Up (explicit joins) in {formation.ElapsedMilliseconds} ms"));
        await Task.Delay(TimeSpan.FromSeconds(3));

        var bytes = clusters.Sum(c => Remoting.Get(c.System).Transport.Metrics.BytesSent);
        var gossip = clusters.Sum(c => c.Metrics.GossipSent + c.Metrics.GossipStatusSent);
        var full = clusters.Sum(c => c.Metrics.GossipSent);
        var heartbeats = clusters.Sum(c => c.Metrics.HeartbeatsSent);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        var s = clock.Elapsed.TotalSeconds;
        var cpuPerNode = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds / s / count * 100;
        var bytesPerNode = (clusters.Sum(c => Remoting.Get(c.System).Transport.Metrics.BytesSent) - bytes) / s / count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"idle per node: sent {bytesPerNode:0} B/s on links (gossip + heartbeats + link heartbeats); gossip {(clusters.Sum(c => c.Metrics.GossipSent + c.Metrics.GossipStatusSent) - gossip) / s / count:0.00} msg/s (full {(clusters.Sum(c => c.Metrics.GossipSent) - full) / s / count:0.00}/s); heartbeats {(clusters.Sum(c => c.Metrics.HeartbeatsSent) - heartbeats) / s / count:0.00} msg/s; cpu {cpuPerNode:0.00} % of one core"));
        await Task.WhenAll(clusters.Select(c => c.System.Terminate()));
        return 0;
    }
}
