using System.Collections.Immutable;
using System.Text;

namespace IotActors.TestKit.MultiNode;

/// <summary>What this harness instance can do on this machine, with the reason for everything it cannot.</summary>
public sealed record MultiNodeCapabilities(HarnessMode Mode, ImmutableDictionary<MultiNodeCapability, string?> Entries)
{
    /// <summary>Whether <paramref name="capability"/> is available.</summary>
    public bool Supports(MultiNodeCapability capability) => Entries.TryGetValue(capability, out string? reason) && reason is null;

    /// <summary>Why <paramref name="capability"/> is unavailable, or null when it is available.</summary>
    public string? WhyUnavailable(MultiNodeCapability capability) =>
        Entries.TryGetValue(capability, out string? reason) ? reason : "not probed by this harness";

    /// <summary>Throws <see cref="CapabilityUnavailableException"/> when <paramref name="capability"/> is unavailable.</summary>
    public void Require(MultiNodeCapability capability)
    {
        if (WhyUnavailable(capability) is { } reason)
        {
            throw new CapabilityUnavailableException($"{capability} is unavailable in {Mode} mode: {reason}");
        }
    }

    /// <summary>One line per capability: available, or unavailable with the reason.</summary>
    public string Describe()
    {
        var text = new StringBuilder($"multi-node harness mode: {Mode}");
        foreach (MultiNodeCapability capability in Enum.GetValues<MultiNodeCapability>())
        {
            string? reason = WhyUnavailable(capability);
            text.Append('\n').Append(reason is null ? $"  {capability}: available" : $"  {capability}: UNAVAILABLE ({reason})");
        }
        return text.ToString();
    }
}
