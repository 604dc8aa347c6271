using System.Globalization;
using IotActors.TestKit.MultiNode;

namespace IotActors.MultiNode.Tests;

[Trait("Category", "MultiNode")]
public sealed class CleanupTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Failing_test_still_removes_processes_namespaces_links_and_files()
    {
        string runId = "", runDirectory = "";
        var pids = new List<int>();
        Func<Task> failingTest = async () =>
        {
            await using MultiNodeCluster cluster = MultiNodeCluster.Create(Harness.Options(), output);
            (runId, runDirectory) = (cluster.RunId, cluster.RunDirectory);
            foreach (ClusterNode node in cluster.StartNodes(2)) pids.Add(node.Pid!.Value);
            await cluster.Nodes[0].WaitForLogAsync("node n1 alive", Harness.AliveTimeout);
            throw new InvalidOperationException("simulated test failure");
        };

        await failingTest.Should().ThrowAsync<InvalidOperationException>().WithMessage("simulated test failure");

        runId.Should().StartWith("imn");
        NamespaceNetwork.ListNamespaces().Should().NotContain(n => n.StartsWith(runId, StringComparison.Ordinal));
        NamespaceNetwork.ListLinks().Should().NotContain(l => l.StartsWith(runId, StringComparison.Ordinal));
        pids.Should().OnlyContain(pid => ProcStat.State(pid) == OsProcessState.Gone);
        Directory.Exists(runDirectory).Should().BeFalse();
    }

    [Fact]
    public Task Failure_inside_RunAsync_prints_log_tails_and_keeps_the_run_folder()
    {
        var capture = new CapturingOutput();
        string runDirectory = "";
        Func<Task> act = () => MultiNodeCluster.RunAsync(capture, Harness.Options(), async cluster =>
        {
            runDirectory = cluster.RunDirectory;
            ClusterNode node = cluster.StartNodes(1)[0];
            await node.WaitForLogAsync("node n1 alive", Harness.AliveTimeout);
            throw new InvalidOperationException("simulated test failure");
        });

        return Verify();

        async Task Verify()
        {
            await act.Should().ThrowAsync<InvalidOperationException>();
            try
            {
                capture.Text.Should().Contain("log tail").And.Contain("node n1 alive").And.Contain("kept configs, data and logs in");
                File.ReadAllText(Path.Combine(runDirectory, "nodes", "n1", "n1.log")).Should().Contain("node n1 alive");
            }
            finally
            {
                Directory.Delete(runDirectory, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Startup_sweep_removes_leftovers_of_a_dead_run_and_spares_live_ones()
    {
        string deadRun = "imn" + Random.Shared.Next(0x10000).ToString("x4", CultureInfo.InvariantCulture);
        string deadDir = Path.Combine(RunOwnership.Root, deadRun);
        Directory.CreateDirectory(deadDir);
        File.WriteAllText(Path.Combine(deadDir, "owner"), "999999999 1\n"); // a test process that no longer exists
        using var orphan = System.Diagnostics.Process.Start("sleep", "60");
        RunOwnership.RecordNodePid(deadDir, orphan.Id);

        await using MultiNodeCluster live = MultiNodeCluster.Create(Harness.Options(), output);
        bool namespaces = live.Capabilities.Supports(MultiNodeCapability.Namespaces);
        if (namespaces)
        {
            CommandRunner.RunChecked("ip", "netns", "add", deadRun + "-n1");
            CommandRunner.RunChecked("ip", "link", "add", deadRun + "-br", "type", "bridge");
        }

        await using MultiNodeCluster next = MultiNodeCluster.Create(Harness.Options(), output);

        orphan.WaitForExit(5000).Should().BeTrue("the dead run's node process is killed");
        Directory.Exists(deadDir).Should().BeFalse();
        Directory.Exists(live.RunDirectory).Should().BeTrue("a live run is not a leftover");
        if (namespaces)
        {
            NamespaceNetwork.ListNamespaces().Should().NotContain(deadRun + "-n1");
            NamespaceNetwork.ListLinks().Should().NotContain(deadRun + "-br").And.Contain(live.BridgeName!);
        }
    }
}
