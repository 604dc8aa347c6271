using IotActors.TestKit.MultiNode;

namespace IotActors.MultiNode.Tests.Cluster;

/// <summary><c>iotactors cluster status|leave|down</c> against real node processes (downing off, so only the CLI removes a dead node).</summary>
[Trait("Category", "MultiNode")]
[Collection("multinode-cluster")]
public sealed class ClusterCliTests(ITestOutputHelper output)
{
    [Fact]
    public Task Cli_leave_removes_a_node_gracefully_and_cli_down_removes_a_dead_one_when_namespaces_are_available() =>
        MultiNodeCluster.RunAsync(output, ClusterChecks.Options() with { ExtraConfig = "iotactors.cluster.downing.strategy = off\n" }, async cluster =>
        {
            if (Harness.Lacks(cluster, MultiNodeCapability.Namespaces, output)) return;
            var nodes = cluster.StartNodes(3);
            await ClusterChecks.WaitForApisAsync(nodes);
            await ClusterChecks.WaitAllUpAsync(nodes, nodes, TimeSpan.FromSeconds(40), "3 Up");
            var (n1, n2, n3) = (nodes[0], nodes[1], nodes[2]);

            var status = Cli(n1, "cluster", "status");
            status.StandardOutput.Should().Contain("3 member(s)").And.Contain(n3.RemoteAddress);

            var leave = Cli(n3, "cluster", "leave");
            leave.StandardOutput.Should().Contain("is leaving the cluster");
            await ClusterChecks.WaitAllUpAsync([n1, n2], [n1, n2], TimeSpan.FromSeconds(30), "n3 left: n1 and n2 see only each other");
            ClusterChecks.UnreachableEvents([n1, n2]).Should().BeEmpty("a graceful leave is not a failure");

            await n2.KillAsync();
            await MultiNodeCluster.WaitUntilAsync(async () => (await cluster.GetClusterViewAsync(n1)).Unreachable.Contains(n2.RemoteAddress),
                TimeSpan.FromSeconds(20), "n1 detects n2 unreachable", TimeSpan.FromMilliseconds(200));
            (await cluster.GetClusterViewAsync(n1)).Members.Should().Contain(m => m.Address == n2.RemoteAddress, "with downing off nobody downs n2 by itself");

            var down = Cli(n1, "cluster", "down", n2.RemoteAddress);
            down.StandardOutput.Should().Contain("marked down");
            await ClusterChecks.WaitAllUpAsync([n1], [n1], TimeSpan.FromSeconds(20), "n2 removed after the CLI marked it down");

            var bad = n1.RunCli("cluster", "down", "iot://iotactors@10.0.0.1:1", "--api", n1.ApiBaseUri.ToString(), "--token", n1.ApiToken);
            bad.ExitCode.Should().Be(2, "an address that is no member is a usage error: " + bad.StandardError);
            bad.StandardError.Trim().Split('\n').Should().ContainSingle("one line, no stack trace");
        });

    private static CliResult Cli(ClusterNode node, params string[] args)
    {
        var result = node.RunCli([.. args, "--api", node.ApiBaseUri.ToString(), "--token", node.ApiToken]);
        result.ExitCode.Should().Be(0, $"iotactors {string.Join(' ', args)}: {result.StandardError}");
        return result;
    }
}
