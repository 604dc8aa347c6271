using IotActors.Actors;

namespace IotActors.Cluster.Tests.Tools;

/// <summary>Forwards everything to a probe.</summary>
internal sealed class Forwarder : ReceiveActor
{
    public Forwarder(IActorRef target) => ReceiveAny(m => target.Forward(m));
}
