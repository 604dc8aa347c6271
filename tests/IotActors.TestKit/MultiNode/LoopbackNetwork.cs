using System.Net;

namespace IotActors.TestKit.MultiNode;

/// <summary>Nodes on their own 127.x.y.z addresses in the host namespace; no fault injection.</summary>
internal sealed class LoopbackNetwork(int secondOctet, int thirdOctet) : INodeNetwork
{
    private const string NoFaults = "loopback mode runs every node in the host network namespace, where the harness cannot filter traffic";

    public HarnessMode Mode => HarnessMode.Loopback;

    public string Subnet => $"127.{secondOctet}.{thirdOctet}.0/24";

    public IPAddress BroadcastAddress { get; } = IPAddress.Parse("127.255.255.255");

    public IPAddress AddressOf(int index) => new([127, (byte)secondOctet, (byte)thirdOctet, (byte)index]);

    public string? NamespaceOf(int index) => null;

    public void AddNode(int index)
    {
        if (index is < 1 or > 254) throw new MultiNodeHarnessException($"node index {index} is outside 1..254");
    }

    public void ApplyBlocks(int index, IReadOnlyCollection<IPAddress> blocked) => throw new CapabilityUnavailableException(NoFaults);

    public void SetLoss(int index, double loss) => throw new CapabilityUnavailableException(NoFaults);

    public void SetKernelDelay(int index, TimeSpan min, TimeSpan max) => throw new CapabilityUnavailableException(NoFaults);

    public void SetLinkUp(int index, bool up) => throw new CapabilityUnavailableException(NoFaults);

    public void Dispose()
    {
    }
}
