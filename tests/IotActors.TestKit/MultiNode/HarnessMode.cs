namespace IotActors.TestKit.MultiNode;

/// <summary>How the harness isolates nodes.</summary>
public enum HarnessMode
{
    /// <summary>Network namespaces when the machine allows them (root, iproute2), else loopback.</summary>
    Auto,

    /// <summary>One network namespace per node on a private bridge; fails when unavailable.</summary>
    Namespaces,

    /// <summary>Every node on its own 127.x.y.z address in the host namespace; no network faults.</summary>
    Loopback,
}
