using System.Collections.Immutable;
using System.Net;
using System.Security.Cryptography;
using IotActors.Cluster.Discovery;
using IotActors.Cluster.Membership;

namespace IotActors.Cluster.Tests.Actors;

[Collection("cluster-actors")]
public sealed class DiscoveryActorTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Two_nodes_with_no_seeds_hear_each_other_on_loopback_broadcast_and_form_one_cluster()
    {
        var port = FreeDiscoveryPort();
        await using var a = await ClusterTestNode.StartAsync(WithDiscovery(port, TimeSpan.FromMilliseconds(500)));
        await using var b = await ClusterTestNode.StartAsync(WithDiscovery(port, TimeSpan.FromMilliseconds(500)));

        TestKit.TestKit.AwaitCondition(() => a.SeesAllUp(a, b) && b.SeesAllUp(a, b), Deadline, "both Up in one cluster");
        new[] { a, b }.Count(n => n.LogContains("formed a new cluster")).Should().Be(1, "only the lowest address forms; the other joins");
        a.Cluster.State.ClusterId.Should().Be(b.Cluster.State.ClusterId);
    }

    [Fact]
    public async Task A_member_beacon_sealed_with_a_wrong_key_is_ignored_and_counted_while_a_correct_one_is_followed()
    {
        var port = FreeDiscoveryPort();
        await using var lone = await ClusterTestNode.StartAsync(WithDiscovery(port, TimeSpan.FromMinutes(5)));
        using var sender = new UdpBeaconSocket(
            new UdpBeaconSocketOptions(IPAddress.Loopback, 0, [new IPEndPoint(IPAddress.Parse("127.255.255.255"), port)]), TimeProvider.System);
        var fake = new UniqueAddress(ClusterTestNode.SystemName, "127.0.0.1", 1, 7);
        DiscoveryBeacon Beacon(ulong counter) => new("tests", fake, ["controller"], Guid.NewGuid(), counter, DateTimeOffset.UtcNow);

        TestKit.TestKit.AwaitCondition(() => lone.Cluster.Metrics.BeaconsSent >= 1, Deadline, "discovery has its socket open");
        var wrongKey = new Keyring(BeaconKey.FromSecret(RandomNumberGenerator.GetBytes(32)));
        await sender.SendAsync(BeaconCodec.Seal(Beacon(1), wrongKey));
        TestKit.TestKit.AwaitCondition(() => lone.Cluster.Metrics.BeaconsIgnored >= 1, Deadline, "the forged beacon is counted as ignored");
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        lone.LogContains("joining through").Should().BeFalse("a beacon that does not authenticate changes nothing");

        var rightKey = new Keyring(BeaconKey.FromSecret(Convert.FromBase64String(ClusterTestNode.Secret.ToBase64())));
        var genuine = BeaconCodec.Seal(Beacon(2), rightKey);
        await sender.SendAsync(genuine);
        TestKit.TestKit.AwaitCondition(() => lone.LogContains("joining through iot://site@127.0.0.1:1"), Deadline, "an authentic member beacon is followed");
        var ignored = lone.Cluster.Metrics.BeaconsIgnored;
        await sender.SendAsync(genuine);
        TestKit.TestKit.AwaitCondition(() => lone.Cluster.Metrics.BeaconsIgnored == ignored + 1, Deadline, "the replayed beacon is ignored");
    }

    private static ClusterSettings WithDiscovery(int port, TimeSpan formationStable) => ClusterTestNode.FastSettings() with
    {
        Discovery = new DiscoverySettings(
            Convert.FromBase64String(ClusterTestNode.Secret.ToBase64()), "tests", [new IPEndPoint(IPAddress.Parse("127.255.255.255"), port)])
        {
            Port = port,
            StartupInterval = TimeSpan.FromMilliseconds(100),
            Interval = TimeSpan.FromMilliseconds(200),
            FormationStablePeriod = formationStable,
        },
    };

    /// <summary>A random port in 20000..29999 that is free on loopback now (tests sharing it bind with SO_REUSEADDR).</summary>
    private static int FreeDiscoveryPort()
    {
        using var probe = new System.Net.Sockets.UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        return 20_000 + (((IPEndPoint)probe.Client.LocalEndPoint!).Port % 10_000);
    }
}
