using IotActors.Actors;
using IotActors.Home.Actors;
using IotActors.Home.Model;
using IotActors.Home.Site;

namespace IotActors.Home.Wiring;

/// <summary>Test/demo hook: drives a simulated sensor on whichever node owns it, through that node's <c>/user/site-devices</c> actor.</summary>
/// <remarks>Thread-safe. The owning node is taken from the replicated site state; its device actor applies the target and audits it.</remarks>
public sealed class SiteSimulation
{
    private readonly ActorSystem _system;
    private readonly SiteView _view;
    private readonly IActorRef _localDevices;
    private readonly string _localNode;
    private readonly TimeSpan _timeout;

    internal SiteSimulation(ActorSystem system, SiteView view, IActorRef localDevices, string localNode, TimeSpan timeout)
    {
        _system = system;
        _view = view;
        _localDevices = localDevices;
        _localNode = localNode;
        _timeout = timeout;
    }

    /// <summary>Sets (or, with a null <paramref name="target"/>, clears) the value the simulated sensor <paramref name="deviceId"/> reports.</summary>
    /// <returns>The owning node's answer; null when no sensor with that id is known to the site (yet).</returns>
    /// <exception cref="AskTimeoutException">The owning node did not answer within the command timeout.</exception>
    public async Task<SimulateResult?> SimulateAsync(string deviceId, double? target, Principal who, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(who);
        var device = await _view.GetDeviceAsync(deviceId, cancellationToken).ConfigureAwait(false);
        if (device is null)
        {
            return null;
        }

        if (device.Kind != DeviceKind.Sensor)
        {
            return new SimulateResult(deviceId, false, null, $"'{deviceId}' is a {KindName(device.Kind)}, not a local sensor device of a node");
        }

        var owner = string.Equals(device.OwnerNode, _localNode, StringComparison.Ordinal)
            ? _localDevices
            : _system.ResolveActorRef(device.OwnerNode.TrimEnd('/') + "/user/site-devices");
        return await owner.Ask<SimulateResult>(new SimulateSensor(deviceId, target, who.Name, who.Role), _timeout).ConfigureAwait(false);
    }

    private static string KindName(DeviceKind kind) => kind == DeviceKind.RemotePeer ? "remote peer" : kind.ToString().ToLowerInvariant();
}
