using IotActors.Actors;

namespace IotActors.Bench.Actors;

/// <summary>Akka.NET-style ping-pong actors: a client keeps N messages in flight to its echo destination.</summary>
internal static class PingPong
{
    public sealed class Message
    {
        public static readonly Message Instance = new();
    }

    public sealed record Start(int InFlight);

    public sealed class Destination : UntypedActor
    {
        protected override void OnReceive(object message) => Sender.Tell(message, Self);
    }

    public sealed class Client : UntypedActor
    {
        private readonly IActorRef _destination;
        private readonly StopFlag _stop;
        private long _received;

        public Client(IActorRef destination, StopFlag stop)
        {
            _destination = destination;
            _stop = stop;
        }

        public long Received => Volatile.Read(ref _received);

        public static readonly List<Client> Instances = new();

        protected override void PreStart() { lock (Instances) { Instances.Add(this); } }

        protected override void OnReceive(object message)
        {
            if (message is Start s)
            {
                for (var i = 0; i < s.InFlight; i++) { _destination.Tell(Message.Instance, Self); }
                return;
            }
            _received++;
            if (!_stop.Value) { _destination.Tell(message, Self); }
        }
    }

    public sealed class StopFlag
    {
        public volatile bool Value;
    }
}
