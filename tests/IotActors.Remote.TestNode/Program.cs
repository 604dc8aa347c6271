using System.Globalization;
using System.Text.Json.Serialization;
using IotActors.Actors;
using IotActors.Remote;
using IotActors.Remote.Security;
using IotActors.Remote.Serialization;

// A node for two-process tests: `dotnet IotActors.Remote.TestNode.dll <system> <port>`; the cluster secret comes from
// IOTACTORS_CLUSTER_SECRET. Prints "READY <port> <incarnation>" and runs until stdin closes (or it is killed).
if (args.Length != 2 || !int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out int port))
{
    Console.Error.WriteLine("usage: IotActors.Remote.TestNode <system-name> <port>");
    return 2;
}

var json = new TestNodeJson(RemoteJson.CreateOptions());
var registry = new MessageRegistry()
    .Register("t.Echo", json.Echo)
    .Register("t.ReplyTo", json.ReplyTo);
var settings = new RemoteTransportSettings(args[0], "site")
{
    Port = port,
    HeartbeatInterval = TimeSpan.FromMilliseconds(100),
    AcceptableHeartbeatPause = TimeSpan.FromMilliseconds(500),
    ReconnectMaxBackoff = TimeSpan.FromMilliseconds(300),
};
await using var system = ActorSystem.Create(args[0]);
var setup = new RemotingSetup(settings, ClusterSecret.FromEnvironment("IOTACTORS_CLUSTER_SECRET"),
    NodeCertificate.CreateSelfSigned(args[0], DateTimeOffset.UtcNow), registry);
var remoting = await Remoting.StartAsync(system, setup);
var echo = system.ActorOf(Props.Create<EchoActor>(), "echo");
system.ActorOf(Props.Create(() => new ForwardActor(echo)), "forwarder");
Console.WriteLine($"READY {remoting.Address.Port} {remoting.Transport.LocalIdentity.IncarnationId}");
await Task.Run(() => Console.In.ReadToEnd());
return 0;

/// <summary>Replies with every message; <c>Echo("stop")</c> stops it.</summary>
internal sealed class EchoActor : ReceiveActor
{
    public EchoActor()
    {
        Receive<Echo>(e => e.Text == "stop", _ => Context.Stop(Self));
        Receive<ReplyTo>(r => r.Target.Tell(new Echo(r.Text), Self));
        ReceiveAny(m => Sender.Tell(m, Self));
    }
}

/// <summary>Forwards everything to the echo actor, keeping the original sender.</summary>
internal sealed class ForwardActor : ReceiveActor
{
    public ForwardActor(IActorRef target) => ReceiveAny(m => target.Forward(m));
}

internal sealed record Echo(string Text);

internal sealed record ReplyTo(IActorRef Target, string Text);

[JsonSerializable(typeof(Echo))]
[JsonSerializable(typeof(ReplyTo))]
internal sealed partial class TestNodeJson : JsonSerializerContext;
