using IotActors.Actors;
using IotActors.TestKit;

namespace IotActors.Actors.Tests;

public sealed class SystemSeamsTests : TestKit.TestKit
{
    private sealed class FakeExtension(ActorSystem system)
    {
        public ActorSystem System { get; } = system;
    }

    [Fact]
    public void Extensions_are_created_once_per_system()
    {
        var created = 0;
        var a = Sys.RegisterExtension(s => { created++; return new FakeExtension(s); });
        var b = Sys.RegisterExtension(s => { created++; return new FakeExtension(s); });
        a.Should().BeSameAs(b);
        created.Should().Be(1);
        Sys.GetExtension<FakeExtension>().Should().BeSameAs(a);
        Sys.GetExtension<string>().Should().BeNull();
    }

    private sealed class FakeRemoteRef(ActorPath path, List<object> sent) : ActorRefBase
    {
        public override ActorPath Path => path;
        public override bool IsLocal => false;
        public override void Tell(object message, IActorRef? sender) { lock (sent) { sent.Add(message); } }
        public override void SendSystemMessage(SystemMessage message) { lock (sent) { sent.Add(message); } }
    }

    private sealed class FakeRemoteFactory(List<object> sent) : IRemoteRefFactory
    {
        public ActorRefBase? CreateRemoteRef(ActorPath path) => path.Address.Host == "known" ? new FakeRemoteRef(path, sent) : null;
    }

    private sealed class RemoteWatcher : ReceiveActor
    {
        public RemoteWatcher(IActorRef probe)
        {
            Receive<IActorRef>(r => Context.Watch(r));
            Receive<Terminated>(t => probe.Tell(t, Self));
        }
    }

    [Fact]
    public void Remote_paths_resolve_through_the_registered_factory_and_take_part_in_death_watch()
    {
        var sent = new List<object>();
        Sys.Provider.RegisterRemote(new FakeRemoteFactory(sent));
        Sys.Provider.SetAddress(new Address("iot", "test", "127.0.0.1", 4053));
        Sys.ResolveActorRef("iot://other@unknown:1/user/x").Should().Be(Sys.DeadLetters);
        var remote = Sys.ResolveActorRef("iot://other@known:4053/user/sensor");
        remote.Should().BeOfType<FakeRemoteRef>();
        var watcher = Sys.ActorOf(Props.Create(() => new RemoteWatcher(TestActor.Ref)), "watcher");
        watcher.Tell(remote, null);
        AwaitCondition(() => { lock (sent) { return sent.OfType<Watch>().Any(); } });
        ((ActorRefBase)watcher).SendSystemMessage(new DeathWatchNotification(remote, true, AddressTerminated: true));
        ExpectMsg<Terminated>(t => t.ActorRef.Equals(remote) && t.AddressTerminated);
        watcher.Path.ToStringWithAddress(Sys.Address).Should().Be("iot://test@127.0.0.1:4053/user/watcher");
        Sys.ResolveActorRef("iot://test@127.0.0.1:4053/user/watcher").Should().Be(watcher);
    }

    [Fact]
    public void Inbound_remote_message_is_delivered_with_the_given_sender()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>(), "echo");
        var target = Sys.ResolveActorRef("/user/echo");
        target.Tell("from-remote", TestActor.Ref);
        ExpectMsg("from-remote");
        TestActor.LastSender.Should().Be(echo);
    }
}
