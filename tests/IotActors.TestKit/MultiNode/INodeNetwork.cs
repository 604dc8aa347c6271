using System.Net;

namespace IotActors.TestKit.MultiNode;

/// <summary>Where the harness's nodes live on the network, and the faults it can inject between them.</summary>
internal interface INodeNetwork : IDisposable
{
    /// <summary>The mode this network implements (never Auto).</summary>
    HarnessMode Mode { get; }

    /// <summary>The run's /24, e.g. 10.213.7.0/24.</summary>
    string Subnet { get; }

    /// <summary>Where discovery beacons go.</summary>
    IPAddress BroadcastAddress { get; }

    /// <summary>The address of node <paramref name="index"/> (1-based).</summary>
    IPAddress AddressOf(int index);

    /// <summary>The namespace of node <paramref name="index"/>, or null in loopback mode.</summary>
    string? NamespaceOf(int index);

    /// <summary>Creates what node <paramref name="index"/> needs (namespace, veth); idempotent.</summary>
    void AddNode(int index);

    /// <summary>Makes node <paramref name="index"/> drop all traffic to and from <paramref name="blocked"/>; empty heals.</summary>
    void ApplyBlocks(int index, IReadOnlyCollection<IPAddress> blocked);

    /// <summary>Drops each packet entering or leaving node <paramref name="index"/> with probability <paramref name="loss"/>; 0 removes the rule.</summary>
    void SetLoss(int index, double loss);

    /// <summary>Adds kernel latency between <paramref name="min"/> and <paramref name="max"/>; zero removes it.</summary>
    void SetKernelDelay(int index, TimeSpan min, TimeSpan max);

    /// <summary>Takes node <paramref name="index"/>'s link down or up.</summary>
    void SetLinkUp(int index, bool up);
}
