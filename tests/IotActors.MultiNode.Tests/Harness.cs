using IotActors.TestKit.MultiNode;

namespace IotActors.MultiNode.Tests;

/// <summary>Shared options and the honest-skip helper of the harness tests.</summary>
internal static class Harness
{
    /// <summary>Comma-separated capabilities that must be available (e.g. on CI as root): a missing one fails the test instead of skipping it.</summary>
    public const string RequireVariable = "IOTACTORS_MULTINODE_REQUIRE";

    public static readonly TimeSpan AliveTimeout = TimeSpan.FromSeconds(20);

    public static MultiNodeOptions Options(HarnessMode mode = HarnessMode.Auto) =>
        new() { Mode = mode, HeartbeatLogInterval = TimeSpan.FromMilliseconds(200) };

    /// <summary>Writes why the test cannot run here and returns true when <paramref name="capability"/> is missing (xunit 2 has no dynamic skip).</summary>
    public static bool Lacks(MultiNodeCluster cluster, MultiNodeCapability capability, ITestOutputHelper output)
    {
        if (cluster.Capabilities.WhyUnavailable(capability) is not { } reason) return false;
        string required = Environment.GetEnvironmentVariable(RequireVariable) ?? "";
        if (required.Split(',', StringSplitOptions.TrimEntries).Contains(capability.ToString(), StringComparer.OrdinalIgnoreCase))
        {
            throw new CapabilityUnavailableException($"{RequireVariable} requires {capability}, unavailable here: {reason}");
        }
        output.WriteLine($"SKIPPED: needs {capability}, unavailable here: {reason}");
        return true;
    }
}
