using System.Globalization;
using System.Net;
using Xunit.Abstractions;

namespace IotActors.TestKit.MultiNode;

/// <summary>
/// Runs real <c>iotactors</c> node processes, each in its own network namespace on a private bridge (or on its own
/// loopback address), and controls them and their links. Dispose removes processes, namespaces, links and files.
/// </summary>
/// <remarks>Control calls are meant to come from one test thread; log capture and exit tracking run on their own threads.</remarks>
public sealed partial class MultiNodeCluster : IAsyncDisposable
{
    private readonly ITestOutputHelper? _output;
    private readonly INodeNetwork _network;
    private readonly List<ClusterNode> _nodes = [];
    private readonly int _discoveryPort;
    private readonly EventHandler _onProcessExit;
    private readonly Lazy<string> _apiTokens;
    private int _disposed;
    private bool _failed;
    private string? _apiToken;

    private MultiNodeCluster(MultiNodeOptions options, ITestOutputHelper? output, string runId, string runDirectory,
        INodeNetwork network, MultiNodeCapabilities capabilities, int discoveryPort)
    {
        Options = options;
        _output = output;
        RunId = runId;
        RunDirectory = runDirectory;
        _network = network;
        Capabilities = capabilities;
        _discoveryPort = discoveryPort;
        SecretFile = Path.Combine(runDirectory, "cluster.secret");
        NodeConfigWriter.WriteSecret(SecretFile);
        _apiTokens = new Lazy<string>(CreateApiToken);
        _onProcessExit = (_, _) => CleanUp(keepFiles: false);
        AppDomain.CurrentDomain.ProcessExit += _onProcessExit;
    }

    /// <summary>An admin API token accepted by every node of the run (created once with <c>iotactors token new</c>).</summary>
    public string ApiToken => _apiTokens.Value.Length > 0 && _apiToken is not null ? _apiToken : throw new MultiNodeHarnessException("no API token");

    /// <summary>The options this cluster runs with.</summary>
    public MultiNodeOptions Options { get; }

    /// <summary>What this cluster can do here, with reasons for what it cannot.</summary>
    public MultiNodeCapabilities Capabilities { get; }

    /// <summary>Namespaces or Loopback (never Auto).</summary>
    public HarnessMode Mode => _network.Mode;

    /// <summary>Unique per harness instance; the prefix of every namespace and link it creates (e.g. imn3fa2).</summary>
    public string RunId { get; }

    /// <summary>Folder of this run's configs, data directories, logs and secret.</summary>
    public string RunDirectory { get; }

    /// <summary>The cluster secret file (base64 of 32 random bytes, mode 0600) every node gets.</summary>
    public string SecretFile { get; }

    /// <summary>The run's /24 (10.2xx.y.0/24 in namespaces, 127.x.y.0/24 on loopback).</summary>
    public string Subnet => _network.Subnet;

    /// <summary>Where discovery beacons go (the bridge's broadcast address, or 127.255.255.255).</summary>
    public IPAddress BroadcastAddress => _network.BroadcastAddress;

    /// <summary>The bridge joining the namespaces, or null on loopback.</summary>
    public string? BridgeName => _network is NamespaceNetwork n ? n.Bridge : null;

    /// <summary>UDP discovery port of every node.</summary>
    public int DiscoveryPort => _discoveryPort;

    /// <summary>The nodes added so far, in index order.</summary>
    public IReadOnlyList<ClusterNode> Nodes => _nodes;

    /// <summary>Sweeps leftovers of dead runs, probes the machine and creates the run's network (no nodes yet).</summary>
    public static MultiNodeCluster Create(MultiNodeOptions? options = null, ITestOutputHelper? output = null)
    {
        options ??= new MultiNodeOptions();
        options.Validate();
        var random = options.Seed is { } seed ? new Random(seed) : new Random();
        var (runId, runDirectory) = RunOwnership.Claim(random);
        try
        {
            (string? nsReason, string? nftReason, string? netemReason) = options.Mode == HarnessMode.Loopback
                ? ("loopback mode was requested", null, null)
                : CapabilityProbe.Probe(runId);
            if (nsReason is not null && options.Mode == HarnessMode.Namespaces)
            {
                throw new CapabilityUnavailableException($"network namespaces are unavailable: {nsReason}");
            }

            foreach (string removed in LeftoverSweeper.Sweep(namespacesAvailable: nsReason is null || (OperatingSystem.IsLinux() && Environment.IsPrivilegedProcess)))
            {
                Write(output, $"[harness] removed leftover of a dead run: {removed}");
            }

            INodeNetwork network = nsReason is null
                ? NamespaceNetwork.Create(runId, random)
                : new LoopbackNetwork(random.Next(1, 255), random.Next(0, 256));
            HarnessMode mode = network.Mode;
            int discoveryPort = options.DiscoveryPort ?? (mode == HarnessMode.Namespaces ? 4054 : random.Next(20_000, 30_000));
            var capabilities = CapabilityProbe.For(mode, nsReason, nftReason, netemReason);
            var cluster = new MultiNodeCluster(options, output, runId, runDirectory, network, capabilities, discoveryPort);
            Write(output, $"[harness] run {runId} in {runDirectory}, subnet {network.Subnet}\n{capabilities.Describe()}");
            return cluster;
        }
        catch
        {
            LeftoverSweeper.TryDeleteDirectory(runDirectory);
            throw;
        }
    }

    /// <summary>Creates a cluster, runs <paramref name="test"/>, and on failure prints every node's log tail and keeps the run folder.</summary>
    public static async Task RunAsync(ITestOutputHelper output, MultiNodeOptions options, Func<MultiNodeCluster, Task> test)
    {
        MultiNodeCluster cluster = Create(options, output);
        try
        {
            await test(cluster).ConfigureAwait(false);
        }
        catch
        {
            cluster.MarkFailed();
            throw;
        }
        finally
        {
            await cluster.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Adds a node (namespace, address, config, data directory) without starting it.</summary>
    public ClusterNode AddNode(string? name = null)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        int index = _nodes.Count + 1;
        name ??= $"n{index}";
        if (_nodes.Any(n => n.Name == name)) throw new MultiNodeHarnessException($"a node named '{name}' already exists in run {RunId}");
        _network.AddNode(index);
        string directory = Path.Combine(RunDirectory, "nodes", name);
        Directory.CreateDirectory(directory);
        var node = new ClusterNode(this, index, name, _network.AddressOf(index), _network.NamespaceOf(index), directory, Options.LogRingCapacity);
        File.Copy(_apiTokens.Value, Path.Combine(node.DataDirectory, Path.GetFileName(_apiTokens.Value)), overwrite: true);
        NodeConfigWriter.Write(node.ConfigPath, Options.BaseConfig, new NodeConfigWriter.Values(
                name, node.DataDirectory, node.Address.ToString(), Options.RemotePort, Options.ApiPort, _discoveryPort,
                _network.BroadcastAddress.ToString(), SecretFile, Options.HeartbeatLogInterval),
            Options.ExtraConfig, RunId);
        _nodes.Add(node);
        return node;
    }

    /// <summary>Adds and starts <paramref name="count"/> nodes; returns them once their processes exist.</summary>
    public IReadOnlyList<ClusterNode> StartNodes(int count)
    {
        var started = new List<ClusterNode>();
        for (int i = 0; i < count; i++)
        {
            ClusterNode node = AddNode();
            node.Start();
            started.Add(node);
        }
        return started;
    }

    /// <summary>Polls <paramref name="condition"/> until it holds; throws with <paramref name="description"/> (and the last error) at the deadline.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan deadline, string description, TimeSpan? interval = null)
    {
        TimeSpan limit = TestKitSettings.Dilated(deadline);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Exception? last = null;
        while (true)
        {
            try
            {
                if (await condition().ConfigureAwait(false)) return;
                last = null;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                last = e;
            }
            if (clock.Elapsed >= limit)
            {
                throw new TestKitAssertionException(
                    $"not met within {limit.TotalMilliseconds:0} ms: {description}{(last is null ? "" : $" (last error: {last.GetType().Name}: {last.Message})")}");
            }
            await Task.Delay(interval ?? TimeSpan.FromMilliseconds(50)).ConfigureAwait(false);
        }
    }

    /// <summary>Polls a synchronous <paramref name="condition"/> until it holds or the deadline passes.</summary>
    public static Task WaitUntilAsync(Func<bool> condition, TimeSpan deadline, string description, TimeSpan? interval = null) =>
        WaitUntilAsync(() => Task.FromResult(condition()), deadline, description, interval);

    /// <summary>Reads <paramref name="node"/>'s cluster view from its HTTP endpoint (from inside its namespace).</summary>
    public async Task<ClusterView> GetClusterViewAsync(ClusterNode node, CancellationToken cancellation = default)
    {
        using var client = ClusterViewClient.For(node);
        return await client.GetAsync(node.ApiBaseUri, cancellation).ConfigureAwait(false);
    }

    /// <summary>Marks the test as failed: dispose then prints every node's log tail and keeps the run folder.</summary>
    public void MarkFailed() => _failed = true;

    /// <summary>The last <paramref name="lines"/> lines of every node's log, with file paths.</summary>
    public string LogTails(int lines = 40) => string.Join("\n", _nodes.Select(n =>
        $"----- {n} log tail ({n.Log.FilePath}) -----\n" + string.Join('\n', n.Log.Tail(lines).Select(l => l.Stream == "out" ? l.Text : $"[{l.Stream}] {l.Text}"))));

    /// <summary>Kills every node, removes namespaces, links and nft tables, and deletes the run folder (kept after a failure).</summary>
    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return ValueTask.CompletedTask;
        AppDomain.CurrentDomain.ProcessExit -= _onProcessExit;
        bool keep = _failed || Options.KeepArtifacts;
        if (_failed)
        {
            Write(_output, $"[harness] test failed; {Capabilities.Describe()}\n{LogTails()}");
        }
        CleanUp(keep);
        if (keep)
        {
            RunOwnership.MarkKept(RunDirectory, _failed ? "failed test" : "KeepArtifacts");
            Write(_output, $"[harness] kept configs, data and logs in {RunDirectory}");
        }
        return ValueTask.CompletedTask;
    }

    private void CleanUp(bool keepFiles)
    {
        foreach (ClusterNode node in _nodes) node.Dispose();
        _network.Dispose();
        if (!keepFiles) LeftoverSweeper.TryDeleteDirectory(RunDirectory);
    }

    private void Info(string message) => Write(_output, "[harness] " + message);

    private static void Write(ITestOutputHelper? output, string message)
    {
        if (output is null) return;
        try
        {
            output.WriteLine(message);
        }
        catch (InvalidOperationException)
        {
            // The test has already finished; the log files keep everything.
        }
    }

    private static string Ms(TimeSpan t) => ((long)t.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + "ms";

    /// <summary>Creates the run's admin token in <c>api/api-tokens.json</c>; returns that file (copied into every node's data directory).</summary>
    private string CreateApiToken()
    {
        string directory = Path.Combine(RunDirectory, "api");
        Directory.CreateDirectory(directory);
        string output = CommandRunner.RunChecked(Options.DotnetHost, Options.NodeDll, "token", "new", "--role", "admin", "--name", "harness", "--data-dir", directory);
        _apiToken = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault(l => l.StartsWith("iot_", StringComparison.Ordinal))
            ?? throw new MultiNodeHarnessException($"'iotactors token new' printed no token: {output}");
        return Path.Combine(directory, "api-tokens.json");
    }
}
