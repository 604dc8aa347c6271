using IotActors.TestKit.MultiNode;

namespace IotActors.MultiNode.Tests;

[Trait("Category", "MultiNode")]
public sealed class NetworkFaultTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Silence = TimeSpan.FromMilliseconds(400);

    [Fact]
    public Task Udp_broadcast_on_the_bridge_reaches_the_other_namespaces_when_namespaces_are_available() =>
        MultiNodeCluster.RunAsync(output, Harness.Options(), async cluster =>
        {
            if (Harness.Lacks(cluster, MultiNodeCapability.Namespaces, output)) return;
            ClusterNode a = cluster.AddNode(), b = cluster.AddNode(), c = cluster.AddNode();

            (await Udp.ArrivesAsync(a, b, cluster.BroadcastAddress, Window)).Should().BeTrue("a -> broadcast reaches b");
            (await Udp.ArrivesAsync(a, c, cluster.BroadcastAddress, Window)).Should().BeTrue("a -> broadcast reaches c");
            (await Udp.ArrivesAsync(c, a, cluster.BroadcastAddress, Window)).Should().BeTrue("c -> broadcast reaches a");
        });

    [Fact]
    public Task Partition_blocks_traffic_between_sides_and_heal_restores_it_when_nftables_is_available() =>
        MultiNodeCluster.RunAsync(output, Harness.Options(), async cluster =>
        {
            if (Harness.Lacks(cluster, MultiNodeCapability.Partitions, output)) return;
            ClusterNode a = cluster.AddNode(), b = cluster.AddNode(), c = cluster.AddNode();
            (await Udp.ArrivesAsync(a, c, c.Address, Window)).Should().BeTrue("before the partition");

            await cluster.PartitionAsync([a, b], [c]);
            (await Udp.ArrivesAsync(a, c, c.Address, Silence)).Should().BeFalse("a -> c crosses the partition");
            (await Udp.ArrivesAsync(c, b, b.Address, Silence)).Should().BeFalse("c -> b crosses the partition");
            (await Udp.ArrivesAsync(c, a, cluster.BroadcastAddress, Silence)).Should().BeFalse("broadcast crosses the partition");
            (await Udp.ArrivesAsync(a, b, b.Address, Window)).Should().BeTrue("a and b are on the same side");
            cluster.NftRuleset(a).Should().Contain(c.Address.ToString());

            await cluster.HealAsync();
            (await Udp.ArrivesAsync(a, c, c.Address, Window)).Should().BeTrue("after heal a -> c");
            (await Udp.ArrivesAsync(c, b, b.Address, Window)).Should().BeTrue("after heal c -> b");
            cluster.NftRuleset(a).Should().NotContain("imn_partition");
        });

    [Fact]
    public Task Link_down_isolates_a_node_and_link_up_reconnects_it_when_namespaces_are_available() =>
        MultiNodeCluster.RunAsync(output, Harness.Options(), async cluster =>
        {
            if (Harness.Lacks(cluster, MultiNodeCapability.LinkDown, output)) return;
            ClusterNode a = cluster.AddNode(), b = cluster.AddNode();

            await cluster.DisconnectAsync(b);
            (await Udp.ArrivesAsync(a, b, b.Address, Silence)).Should().BeFalse();
            await cluster.ReconnectAsync(b);
            (await Udp.ArrivesAsync(a, b, b.Address, Window)).Should().BeTrue();
        });

    [Fact]
    public Task Loss_rule_is_installed_with_the_probability_and_removed_on_restore_when_nftables_is_available() =>
        MultiNodeCluster.RunAsync(output, Harness.Options(), async cluster =>
        {
            if (Harness.Lacks(cluster, MultiNodeCapability.PacketLoss, output)) return;
            ClusterNode a = cluster.AddNode(), b = cluster.AddNode();

            DegradeReport report = await cluster.DegradeAsync([a], loss: 0.05);
            report.Loss.Should().Be(0.05);
            report.Delay.Should().Be(DelayMechanism.None);
            cluster.NftRuleset(a).Should().Contain("imn_loss").And.Contain("numgen random mod 10000 < 500");
            cluster.NftRuleset(b).Should().NotContain("imn_loss");

            await cluster.DegradeAsync([a], loss: 1.0);
            (await Udp.ArrivesAsync(b, a, a.Address, Silence)).Should().BeFalse("every packet into a is dropped at loss 1.0");

            await cluster.RestoreLinksAsync([a]);
            cluster.NftRuleset(a).Should().NotContain("imn_loss");
            (await Udp.ArrivesAsync(b, a, a.Address, Window)).Should().BeTrue();
        });

    [Fact]
    public Task Delay_uses_netem_when_the_kernel_has_it_else_the_node_setting_and_says_which() =>
        MultiNodeCluster.RunAsync(output, Harness.Options(), async cluster =>
        {
            ClusterNode a = cluster.AddNode();
            DegradeReport report = await cluster.DegradeAsync([a], delay: (TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(50)));
            output.WriteLine(report.Description);

            if (cluster.Capabilities.Supports(MultiNodeCapability.KernelLatency))
            {
                report.Delay.Should().Be(DelayMechanism.KernelNetem);
                CommandRunner.RunChecked("tc", "-n", a.NamespaceName!, "qdisc", "show", "dev", "eth0").Should().Contain("netem");
            }
            else
            {
                report.Delay.Should().Be(DelayMechanism.NodeSetting);
                report.Description.Should().Contain("kernel latency unavailable");
                a.CommandLine.Should().ContainInConsecutiveOrder("--set", "iotactors.remote.fault-injection.delay=20ms-50ms");
                report.PendingRestart.Should().BeEmpty("the node was not running");
            }

            await cluster.RestoreLinksAsync([a]);
            a.CommandLine.Should().NotContain(s => s.Contains("fault-injection"));
        });
}
