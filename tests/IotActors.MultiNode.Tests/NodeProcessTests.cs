using IotActors.TestKit.MultiNode;

namespace IotActors.MultiNode.Tests;

[Trait("Category", "MultiNode")]
public sealed class NodeProcessTests(ITestOutputHelper output)
{
    [Fact]
    public Task Three_nodes_run_each_in_its_own_namespace_and_log_alive() =>
        MultiNodeCluster.RunAsync(output, Harness.Options(), async cluster =>
        {
            if (Harness.Lacks(cluster, MultiNodeCapability.Namespaces, output)) return;
            var nodes = cluster.StartNodes(3);

            foreach (ClusterNode node in nodes)
            {
                await node.WaitForLogAsync($"node {node.Name} alive", Harness.AliveTimeout);
                string ns = IotActors.TestKit.MultiNode.CommandRunner.RunChecked("ip", "netns", "identify", node.Pid!.Value.ToString()).Trim();
                ns.Should().Be(node.NamespaceName);
                node.Address.ToString().Should().StartWith("10.2").And.EndWith("." + node.Index);
                File.ReadAllText(node.ConfigPath).Should().Contain($"targets = [\"{cluster.BroadcastAddress}\"]")
                    .And.Contain($"host = \"{node.Address}\"");
            }
            nodes.Select(n => n.Pid).Should().OnlyHaveUniqueItems();
        });

    [Fact]
    public Task Kill9_pause_resume_and_restart_are_observed_in_process_state_and_log() =>
        MultiNodeCluster.RunAsync(output, Harness.Options(), async cluster =>
        {
            ClusterNode node = cluster.StartNodes(1)[0];
            await node.WaitForLogAsync("node n1 alive", Harness.AliveTimeout);

            node.Pause();
            await MultiNodeCluster.WaitUntilAsync(() => node.OsState == OsProcessState.Stopped, TimeSpan.FromSeconds(5), "kernel reports T");
            long frozenAt = node.Log.Position;
            await Task.Delay(TimeSpan.FromMilliseconds(800)); // four heartbeat intervals without a line
            node.Log.Lines.Where(l => l.Sequence >= frozenAt && l.Stream == "out").Should().BeEmpty("a stopped process writes nothing");

            node.Resume();
            node.OsState.Should().NotBe(OsProcessState.Stopped);
            await node.WaitForLogAsync("node n1 alive", Harness.AliveTimeout, after: frozenAt);

            int firstPid = node.Pid!.Value;
            int killed = await node.KillAsync();
            killed.Should().Be(137, "kill -9 ends the process with 128 + SIGKILL");
            node.State.Should().Be(NodeProcessState.Exited);
            node.OsState.Should().Be(OsProcessState.Gone);

            long restartAt = node.Log.Position;
            node.Start();
            node.Pid.Should().NotBe(firstPid);
            node.StartCount.Should().Be(2);
            await node.WaitForLogAsync("node n1 alive", Harness.AliveTimeout, after: restartAt);
            // The first alive line comes before the host has finished starting (the API still binding), and a SIGTERM
            // then crashes the node (exit 134, reported to the node's owner): let it run three heartbeats first.
            await MultiNodeCluster.WaitUntilAsync(() => node.Log.Lines.Count(l => l.Sequence >= restartAt && l.Text.Contains("node n1 alive")) >= 3,
                Harness.AliveTimeout, "three heartbeats after the restart");

            (await node.StopAsync()).Should().Be(0, "SIGTERM stops the node gracefully");
            node.Log.Contains("node n1 stopping", after: restartAt).Should().BeTrue();
            string file = File.ReadAllText(node.Log.FilePath);
            file.Should().Contain("==== start #1").And.Contain("==== start #2").And.Contain("exited with code 137");
        });
}
