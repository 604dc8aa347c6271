using System.Collections.Immutable;

namespace IotActors.TestKit.MultiNode;

/// <summary>How a <see cref="MultiNodeCluster"/> runs its nodes; every property has a working default.</summary>
public sealed record MultiNodeOptions
{
    /// <summary>Namespaces, loopback, or whichever the machine allows (default).</summary>
    public HarnessMode Mode { get; init; } = HarnessMode.Auto;

    /// <summary>The node executable's dll (default: iotactors.dll next to the test assembly).</summary>
    public string NodeDll { get; init; } = Path.Combine(AppContext.BaseDirectory, "iotactors.dll");

    /// <summary>The HOCON file every generated node config includes (default: hocon/local-cluster.conf next to the tests).</summary>
    public string BaseConfig { get; init; } = Path.Combine(AppContext.BaseDirectory, "hocon", "local-cluster.conf");

    /// <summary>The dotnet host that runs the node (default: DOTNET_HOST_PATH, else dotnet on PATH).</summary>
    public string DotnetHost { get; init; } = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";

    /// <summary>Interval of each node's "alive" log line; null keeps the node's default.</summary>
    public TimeSpan? HeartbeatLogInterval { get; init; }

    /// <summary>TCP port of node-to-node links on every node's own address.</summary>
    public int RemotePort { get; init; } = 4053;

    /// <summary>TCP port of every node's REST API on its own address.</summary>
    public int ApiPort { get; init; } = 8080;

    /// <summary>UDP discovery port; null means 4054 in namespaces and a random port per run on loopback (runs then cannot hear each other).</summary>
    public int? DiscoveryPort { get; init; }

    /// <summary>HOCON text appended to every node's generated config.</summary>
    public string ExtraConfig { get; init; } = "";

    /// <summary>--set key=value overrides for every node.</summary>
    public ImmutableDictionary<string, string> Settings { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Lines of each node's output kept in memory for assertions.</summary>
    public int LogRingCapacity { get; init; } = 5000;

    /// <summary>How long a SIGTERM stop may take before the harness kills the node.</summary>
    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Keep the run folder (configs, data, logs) after dispose even when the test passed.</summary>
    public bool KeepArtifacts { get; init; }

    /// <summary>Seed of the run's random choices (run id, subnet, ports); null picks one.</summary>
    public int? Seed { get; init; }

    /// <summary>Throws when a value cannot work.</summary>
    internal void Validate()
    {
        if (!File.Exists(NodeDll)) throw new MultiNodeHarnessException($"node executable not found: {NodeDll} (reference src/IotActors.Node from the test project)");
        if (!File.Exists(BaseConfig)) throw new MultiNodeHarnessException($"base config not found: {BaseConfig}");
        foreach (var (name, port) in new[] { ("RemotePort", RemotePort), ("ApiPort", ApiPort), ("DiscoveryPort", DiscoveryPort ?? 4054) })
        {
            if (port is < 1 or > 65535) throw new MultiNodeHarnessException($"{name} must be 1..65535, got {port}");
        }
        if (LogRingCapacity < 10) throw new MultiNodeHarnessException($"LogRingCapacity must be at least 10, got {LogRingCapacity}");
    }
}
