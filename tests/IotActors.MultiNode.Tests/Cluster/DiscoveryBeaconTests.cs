using System.Collections.Immutable;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using IotActors.Cluster.Discovery;
using IotActors.Cluster.Membership;
using IotActors.TestKit.MultiNode;

namespace IotActors.MultiNode.Tests.Cluster;

/// <summary>Forged and replayed discovery beacons change nothing.</summary>
[Trait("Category", "MultiNode")]
[Collection("multinode-cluster")]
public sealed class DiscoveryBeaconTests(ITestOutputHelper output)
{
    [Fact]
    public Task A_beacon_sealed_with_a_wrong_key_and_a_replayed_captured_beacon_change_nothing() =>
        MultiNodeCluster.RunAsync(output, ClusterChecks.Options(), async cluster =>
        {
            var nodes = cluster.StartNodes(3);
            await ClusterChecks.WaitForApisAsync(nodes);
            await ClusterChecks.WaitAllUpAsync(nodes, nodes, TimeSpan.FromSeconds(30), "3 Up");
            var before = (await ClusterChecks.ViewsAsync(nodes)).Select(v => v!.Leader).Distinct().Single();
            var target = new IPEndPoint(cluster.BroadcastAddress, cluster.DiscoveryPort);
            var positions = nodes.ToDictionary(n => n.Name, n => n.Log.Position);

            // Capture one real beacon from inside n1's network (a second socket sharing the discovery port).
            using var capture = nodes[0].CreateSocket(SocketType.Dgram, ProtocolType.Udp);
            capture.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            capture.Bind(new IPEndPoint(IPAddress.Any, cluster.DiscoveryPort));
            var buffer = new byte[2048];
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            var received = await capture.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), deadline.Token);
            var captured = buffer.AsSpan(0, received.ReceivedBytes).ToArray();

            // A beacon of a "lower" node claiming to be a member of another cluster, sealed with a key nobody has.
            var wrongKey = new Keyring(BeaconKey.FromSecret(RandomNumberGenerator.GetBytes(32)));
            var forged = BeaconCodec.Seal(new DiscoveryBeacon("iotactors", new UniqueAddress("iotactors", "10.0.0.1", 4053, 42),
                ImmutableArray.Create("controller"), Guid.NewGuid(), 1, DateTimeOffset.UtcNow), wrongKey);

            using var forger = nodes[1].CreateSocket(SocketType.Dgram, ProtocolType.Udp);
            forger.EnableBroadcast = true;
            forger.Bind(new IPEndPoint(nodes[1].Address, 0));
            using var replayer = nodes[2].CreateSocket(SocketType.Dgram, ProtocolType.Udp);
            replayer.EnableBroadcast = true;
            replayer.Bind(new IPEndPoint(nodes[2].Address, 0));
            for (int i = 0; i < 5; i++)
            {
                await forger.SendToAsync(forged, SocketFlags.None, target);
                await replayer.SendToAsync(captured, SocketFlags.None, target);
            }

            foreach (var n in nodes)
            {
                await n.WaitForLogAsync($"Ignored discovery datagram from {nodes[1].Address}", TimeSpan.FromSeconds(10));
                await n.WaitForLogAsync($"Ignored discovery datagram from {nodes[2].Address}", TimeSpan.FromSeconds(10));
            }
            nodes.Should().OnlyContain(n => n.Log.Contains(": UnknownKeyId") || n.Log.Contains(": AuthenticationFailed"), "the forged beacon fails authentication");
            nodes.Should().OnlyContain(n => n.Log.Contains(": Replay"), "the captured beacon is a replay");
            await Task.Delay(TimeSpan.FromSeconds(3));
            (await ClusterChecks.AllSeeUpAsync(nodes, nodes)).Should().BeTrue("membership is unchanged");
            (await ClusterChecks.ViewsAsync(nodes)).Select(v => v!.Leader).Distinct().Single().Should().Be(before);
            nodes.Should().OnlyContain(n => !n.Log.Contains("joining through", positions[n.Name]), "no member tries to join anything");
        });
}
