using System.Collections.Immutable;
using IotActors.Actors;
using IotActors.Cluster.Tools.PubSub;
using IotActors.Cluster.Tools.Registry;

namespace IotActors.Node.Api.ToolsDebug;

/// <summary>
/// Test/demo helper behind the debug endpoints (<c>/user/tools-probe</c>): one child per topic that subscribes through the
/// pub-sub mediator and keeps the notes it receives, and one child per registry key registered with the receptionist.
/// </summary>
internal sealed class ToolsProbeActor : ReceiveActor
{
    /// <summary>Most notes kept per topic (the oldest go first).</summary>
    public const int MaxNotesPerTopic = 10_000;

    private readonly IActorRef _mediator;
    private readonly IActorRef _receptionist;
    private readonly Dictionary<string, IActorRef> _topics = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IActorRef> _services = new(StringComparer.Ordinal);

    public ToolsProbeActor(IActorRef mediator, IActorRef receptionist)
    {
        _mediator = mediator;
        _receptionist = receptionist;
        Receive<SubscribeTopic>(m =>
        {
            if (!_topics.TryGetValue(m.Topic, out var child))
            {
                child = Context.ActorOf(global::IotActors.Actors.Props.Create(() => new TopicProbe(_mediator, m.Topic)), "topic-" + _topics.Count);
                _topics[m.Topic] = child;
            }

            child.Forward(m);
        });
        Receive<GetNotes>(m =>
        {
            if (_topics.TryGetValue(m.Topic, out var child)) child.Forward(m);
            else Sender.Tell(new Notes(m.Topic, false, []));
        });
        Receive<RegisterService>(m =>
        {
            if (!_services.TryGetValue(m.Key, out var child))
            {
                child = Context.ActorOf(global::IotActors.Actors.Props.Create(() => new ServiceProbe()), "service-" + _services.Count);
                _services[m.Key] = child;
            }

            _receptionist.Tell(new Register(new ServiceKey<ProbeNote>(m.Key), child, Sender));
        });
    }

    public static Props Props(IActorRef mediator, IActorRef receptionist) =>
        global::IotActors.Actors.Props.Create(() => new ToolsProbeActor(mediator, receptionist));

    /// <summary>Subscribe a probe to <paramref name="Topic"/>; answered with <see cref="SubscribeAck"/>.</summary>
    public sealed record SubscribeTopic(string Topic);

    /// <summary>Asks for the notes received on <paramref name="Topic"/>; answered with <see cref="Notes"/>.</summary>
    public sealed record GetNotes(string Topic);

    /// <summary>The notes this node's probe received on <paramref name="Topic"/>, oldest first.</summary>
    public sealed record Notes(string Topic, bool Subscribed, ImmutableArray<ProbeNote> Received);

    /// <summary>Register a probe service under <paramref name="Key"/>; answered with <see cref="Registered"/>.</summary>
    public sealed record RegisterService(string Key);

    private sealed class TopicProbe : ReceiveActor
    {
        private readonly Queue<ProbeNote> _notes = new();
        private IActorRef? _subscriber;

        public TopicProbe(IActorRef mediator, string topic)
        {
            Receive<SubscribeTopic>(_ =>
            {
                _subscriber = Sender;
                mediator.Tell(new Subscribe(topic, Self));
            });
            Receive<SubscribeAck>(ack => _subscriber?.Tell(ack));
            Receive<ProbeNote>(note =>
            {
                if (_notes.Count == MaxNotesPerTopic) _notes.Dequeue();
                _notes.Enqueue(note);
            });
            Receive<GetNotes>(m => Sender.Tell(new Notes(m.Topic, true, [.. _notes])));
        }
    }

    /// <summary>A registered service: it only exists to be listed (notes sent to it are ignored).</summary>
    private sealed class ServiceProbe : ReceiveActor
    {
        public ServiceProbe() => ReceiveAny(_ => { });
    }
}
