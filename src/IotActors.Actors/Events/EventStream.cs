namespace IotActors.Actors;

/// <summary>Publish/subscribe by message type within one actor system; <see cref="DeadLetter"/> and <see cref="UnhandledMessage"/> are published here.</summary>
/// <remarks>Thread-safe; subscriptions are copy-on-write so publishing takes no lock.</remarks>
public sealed class EventStream
{
    private readonly object _gate = new();
    private (Type Channel, IActorRef Subscriber)[] _subscriptions = [];

    /// <summary>Subscribes to messages assignable to <paramref name="channel"/>; returns false if already subscribed.</summary>
    public bool Subscribe(IActorRef subscriber, Type channel)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(channel);
        lock (_gate)
        {
            foreach (var s in _subscriptions) { if (s.Channel == channel && s.Subscriber.Equals(subscriber)) { return false; } }
            _subscriptions = [.. _subscriptions, (channel, subscriber)];
        }
        if (subscriber is LocalActorRef local) { local.Cell.Mailbox.PostSystem(new EventStreamSubscribed()); }
        return true;
    }

    /// <summary>Subscribes to messages of type <typeparamref name="T"/>.</summary>
    public bool Subscribe<T>(IActorRef subscriber) => Subscribe(subscriber, typeof(T));

    /// <summary>Removes one subscription; returns false if there was none.</summary>
    public bool Unsubscribe(IActorRef subscriber, Type channel)
    {
        lock (_gate)
        {
            var before = _subscriptions.Length;
            _subscriptions = Array.FindAll(_subscriptions, s => !(s.Channel == channel && s.Subscriber.Equals(subscriber)));
            return _subscriptions.Length != before;
        }
    }

    /// <summary>Removes all subscriptions of a subscriber (done automatically when a local actor stops).</summary>
    public void Unsubscribe(IActorRef subscriber)
    {
        lock (_gate) { _subscriptions = Array.FindAll(_subscriptions, s => !s.Subscriber.Equals(subscriber)); }
    }

    /// <summary>Delivers <paramref name="message"/> to every subscriber of a matching channel.</summary>
    public void Publish(object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var subs = Volatile.Read(ref _subscriptions);
        var type = message.GetType();
        foreach (var (channel, subscriber) in subs)
        {
            if (channel.IsAssignableFrom(type)) { subscriber.Tell(message, null); }
        }
    }
}
