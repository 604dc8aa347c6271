using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using IotActors.TestKit.MultiNode;

namespace IotActors.Bench.E2e;

/// <summary>The smart site on real <c>iotactors node run</c> processes on loopback: one node with every role, or sensor+gateway (A), controller (B) and actuator+dashboard (C).</summary>
internal sealed class E2eSite : IAsyncDisposable
{
    /// <summary>The sensor that drives the rule.</summary>
    public const string RuleSensor = "t1";

    /// <summary>The actuator the rule switches.</summary>
    public const string Fan = "fan-1";

    /// <summary>The id of the one rule (fan on above 25 °C).</summary>
    public const string Rule = "e2e-fan";

    /// <summary>Gateway TCP port (default of reference.conf; every loopback node has its own address).</summary>
    private const int GatewayTcpPort = 50010;

    private const string SiteConfig = """
        iotactors {
          api { enabled = on, ingest { burst = 1000000, rate = 1000000 } }
          gateway { tcp { enabled = on, allow-unsigned = on, max-connections = 64 }, rate-limit { burst = 1000000, per-second = 1000000 } }
          home {
            sensor { min-interval = 0s }
            rules = [ { id = e2e-fan, actuator = fan-1, sensors = [t1], metric = temperature, on-above = 25.0, off-below = 24.5, consecutive = 1, off-consecutive = 1 } ]
          }
        }
        """;

    private readonly MultiNodeCluster _cluster;

    private E2eSite(MultiNodeCluster cluster, ClusterNode feed, ClusterNode state, IReadOnlyList<ClusterNode> nodes)
    {
        _cluster = cluster;
        FeedNode = feed;
        StateNode = state;
        Nodes = nodes;
        Http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", cluster.ApiToken);
    }

    /// <summary>The node with the sensor, gateway and history of the fed readings.</summary>
    public ClusterNode FeedNode { get; }

    /// <summary>The node whose controller decides (and logs) the fan's commands.</summary>
    public ClusterNode ControllerNode => Nodes.Count == 1 ? Nodes[0] : Nodes[1];

    /// <summary>The node with the actuator; its <c>/api/events</c> carries the StateChanged events.</summary>
    public ClusterNode StateNode { get; }

    public IReadOnlyList<ClusterNode> Nodes { get; }

    /// <summary>An HTTP client with the run's operator token.</summary>
    public HttpClient Http { get; }

    public IPEndPoint GatewayEndPoint => new(FeedNode.Address, GatewayTcpPort);

    public string HistoryDb => Path.Combine(FeedNode.DataDirectory, "history.db");

    /// <summary>Starts the nodes, waits until all are Up in one cluster and the actuator is visible on the state node.</summary>
    public static async Task<E2eSite> StartAsync(int nodes)
    {
        var cluster = MultiNodeCluster.Create(new MultiNodeOptions { Mode = HarnessMode.Loopback, ExtraConfig = SiteConfig, LogRingCapacity = 2000 });
        try
        {
            List<ClusterNode> all;
            if (nodes == 1)
            {
                all = [Add(cluster, "solo", "sensor, gateway, controller, actuator, dashboard", $"[ {{ id = {Fan}, kind = virtual-fan }} ]")];
            }
            else
            {
                all =
                [
                    Add(cluster, "a", "sensor, gateway", "[]"),
                    Add(cluster, "b", "controller", "[]"),
                    Add(cluster, "c", "actuator, dashboard", $"[ {{ id = {Fan}, kind = virtual-fan }} ]"),
                ];
            }

            foreach (var n in all) { n.Start(); }
            var site = new E2eSite(cluster, all[0], all[^1], all);
            await site.WaitUpAsync();
            return site;
        }
        catch
        {
            Console.Error.WriteLine(cluster.LogTails(20));
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>GET of a JSON document on <paramref name="node"/>'s API; null while it does not answer 2xx.</summary>
    public async Task<JsonNode?> TryGetAsync(ClusterNode node, string path)
    {
        try
        {
            using var response = await Http.GetAsync(new Uri(node.ApiBaseUri, path));
            return response.IsSuccessStatusCode ? JsonNode.Parse(await response.Content.ReadAsStringAsync()) : null;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return null;
        }
    }

    /// <summary>Sums every label set of a /metrics counter on <paramref name="node"/>.</summary>
    public async Task<double> ReadMetricAsync(ClusterNode node, string metric)
    {
        var text = await Http.GetStringAsync(new Uri(node.ApiBaseUri, "metrics"));
        return NodeRuntime.JitSettling.ReadMetric(text, metric);
    }

    /// <summary>Polls until <paramref name="condition"/> holds; throws <see cref="TimeoutException"/> naming <paramref name="what"/>.</summary>
    public static async Task WaitAsync(Func<Task<bool>> condition, TimeSpan deadline, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > deadline) { throw new TimeoutException($"e2e: {what} did not happen within {deadline.TotalSeconds:0} s."); }
            await Task.Delay(100);
        }
    }

    /// <summary>Prints the last log lines of every node (after a failure).</summary>
    public string LogTails() => _cluster.LogTails(20);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _cluster.DisposeAsync();
    }

    private static ClusterNode Add(MultiNodeCluster cluster, string name, string roles, string devices)
    {
        var node = cluster.AddNode(name);
        File.AppendAllText(node.ConfigPath, $"\niotactors {{\n  node.roles = [{roles}]\n  devices = {devices}\n}}\n");
        return node;
    }

    private async Task WaitUpAsync()
    {
        var expected = Nodes.Select(n => n.RemoteAddress).Order(StringComparer.Ordinal).ToList();
        await WaitAsync(async () =>
        {
            foreach (var n in Nodes)
            {
                if (n.State is NodeProcessState.Exited) { throw new InvalidOperationException($"e2e: node {n.Name} exited during start-up:\n{LogTails()}"); }
                ClusterView? view;
                try { view = await _cluster.GetClusterViewAsync(n); }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException or System.Text.Json.JsonException) { return false; }
                if (view is null || !view.UpMembers.Order(StringComparer.Ordinal).SequenceEqual(expected)) { return false; }
            }
            return true;
        }, TimeSpan.FromSeconds(90), $"{Nodes.Count} nodes Up in one cluster");
        await WaitAsync(async () => (await TryGetAsync(StateNode, $"api/devices/{Fan}"))?["active"]?.GetValue<bool>() == false,
            TimeSpan.FromSeconds(30), $"{Fan} idle on node {StateNode.Name}");
    }
}
