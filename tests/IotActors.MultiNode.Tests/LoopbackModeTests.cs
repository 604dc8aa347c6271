using IotActors.TestKit.MultiNode;

namespace IotActors.MultiNode.Tests;

[Trait("Category", "MultiNode")]
public sealed class LoopbackModeTests(ITestOutputHelper output)
{
    [Fact]
    public Task Loopback_mode_runs_nodes_on_their_own_127_addresses_and_refuses_network_faults() =>
        MultiNodeCluster.RunAsync(output, Harness.Options(HarnessMode.Loopback), async cluster =>
        {
            cluster.Mode.Should().Be(HarnessMode.Loopback);
            cluster.BridgeName.Should().BeNull();
            cluster.BroadcastAddress.ToString().Should().Be("127.255.255.255");
            foreach (var missing in new[] { MultiNodeCapability.Namespaces, MultiNodeCapability.Partitions, MultiNodeCapability.PacketLoss,
                         MultiNodeCapability.KernelLatency, MultiNodeCapability.LinkDown })
            {
                cluster.Capabilities.Supports(missing).Should().BeFalse();
                cluster.Capabilities.WhyUnavailable(missing).Should().NotBeNullOrWhiteSpace();
            }
            cluster.Capabilities.Supports(MultiNodeCapability.Broadcast).Should().BeTrue();

            var nodes = cluster.StartNodes(2);
            foreach (ClusterNode node in nodes)
            {
                node.NamespaceName.Should().BeNull();
                node.Address.GetAddressBytes()[0].Should().Be(127);
                node.Address.GetAddressBytes()[3].Should().Be((byte)node.Index);
                await node.WaitForLogAsync($"node {node.Name} alive", Harness.AliveTimeout);
                File.ReadAllText(node.ConfigPath).Should().Contain("targets = [\"127.255.255.255\"]")
                    .And.Contain($"port = {cluster.DiscoveryPort}");
            }

            Func<Task> partition = () => cluster.PartitionAsync([nodes[0]], [nodes[1]]);
            (await partition.Should().ThrowAsync<CapabilityUnavailableException>()).Which.Message.Should().Contain("loopback");
            Func<Task> loss = () => cluster.DegradeAsync([nodes[0]], loss: 0.1);
            await loss.Should().ThrowAsync<CapabilityUnavailableException>();

            DegradeReport delay = await cluster.DegradeAsync([nodes[0]], delay: (TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(50)));
            delay.Delay.Should().Be(DelayMechanism.NodeSetting);
            delay.PendingRestart.Should().Equal("n1");
        });

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task Generated_secret_is_32_random_bytes_readable_by_the_owner_only()
    {
        await using MultiNodeCluster cluster = MultiNodeCluster.Create(Harness.Options(HarnessMode.Loopback), output);
        Convert.FromBase64String(File.ReadAllText(cluster.SecretFile)).Should().HaveCount(32);
        File.GetUnixFileMode(cluster.SecretFile).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.ReadAllText(cluster.AddNode().ConfigPath).Should().Contain($"secret-file = \"{cluster.SecretFile}\"");
    }
}
