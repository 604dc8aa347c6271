using System.Diagnostics;
using IotActors.Actors;

namespace IotActors.TestKit;

/// <summary>A queue-backed test actor: send it messages and assert on what arrives.</summary>
public sealed class TestProbe
{
    private static long _counter;
    private readonly TestProbeRef _ref;

    /// <summary>Creates a probe in <paramref name="system"/>.</summary>
    public TestProbe(ActorSystem system, string? name = null)
    {
        System = system;
        var id = Interlocked.Increment(ref _counter);
        _ref = new TestProbeRef(system, system.Provider.RootPath.Child("system").Child(name ?? $"testProbe-{id}").WithUid(id));
    }

    /// <summary>The system the probe belongs to.</summary>
    public ActorSystem System { get; }

    /// <summary>The probe's ref.</summary>
    public IActorRef Ref => _ref;

    /// <summary>Sender of the last received message.</summary>
    public IActorRef? LastSender { get; private set; }

    /// <summary>The last received message.</summary>
    public object? LastMessage { get; private set; }

    /// <summary>Sends a message to <paramref name="target"/> with the probe as sender.</summary>
    public void Send(IActorRef target, object message) => target.Tell(message, _ref);

    /// <summary>Replies to <see cref="LastSender"/>.</summary>
    public void Reply(object message) =>
        (LastSender ?? throw new TestKitAssertionException("Reply called before any message with a sender was received.")).Tell(message, _ref);

    /// <summary>Forwards <paramref name="message"/> to <paramref name="target"/> keeping <see cref="LastSender"/>.</summary>
    public void Forward(IActorRef target, object message) => target.Tell(message, LastSender);

    /// <summary>Watches <paramref name="subject"/>; expect its termination with <see cref="ExpectTerminated"/>.</summary>
    public IActorRef Watch(IActorRef subject) { _ref.Watch(subject); return subject; }

    /// <summary>Stops watching.</summary>
    public IActorRef Unwatch(IActorRef subject) { _ref.Unwatch(subject); return subject; }

    /// <summary>Expects a message of type <typeparamref name="T"/> (matching <paramref name="predicate"/> if given) as the next message.</summary>
    public T ExpectMsg<T>(Func<T, bool>? predicate = null, TimeSpan? timeout = null)
    {
        var t = timeout ?? TestKitSettings.DefaultTimeout;
        var message = ReceiveOne(t) ?? throw new TestKitAssertionException($"Timeout ({t.TotalMilliseconds:0} ms) while waiting for a message of type {typeof(T).Name}.");
        if (message is not T typed) { throw new TestKitAssertionException($"Expected a message of type {typeof(T).Name} but got {Describe(message)}."); }
        if (predicate is not null && !predicate(typed)) { throw new TestKitAssertionException($"Message {Describe(message)} did not match the predicate."); }
        return typed;
    }

    /// <summary>Expects the next message to equal <paramref name="expected"/>.</summary>
    public T ExpectMsg<T>(T expected, TimeSpan? timeout = null)
    {
        var t = timeout ?? TestKitSettings.DefaultTimeout;
        var message = ReceiveOne(t) ?? throw new TestKitAssertionException($"Timeout ({t.TotalMilliseconds:0} ms) while waiting for {expected}.");
        if (message is not T typed || !EqualityComparer<T>.Default.Equals(typed, expected))
        {
            throw new TestKitAssertionException($"Expected {expected} but got {Describe(message)}.");
        }
        return typed;
    }

    /// <summary>Asserts that no message arrives within <paramref name="duration"/>.</summary>
    public void ExpectNoMsg(TimeSpan duration)
    {
        var message = ReceiveOne(duration);
        if (message is not null) { throw new TestKitAssertionException($"Expected no message within {duration.TotalMilliseconds:0} ms but got {Describe(message)}."); }
    }

    /// <summary>Receives exactly <paramref name="count"/> messages within the (overall) timeout.</summary>
    public IReadOnlyList<object> ReceiveN(int count, TimeSpan? timeout = null)
    {
        var t = timeout ?? TestKitSettings.DefaultTimeout;
        var sw = Stopwatch.StartNew();
        var result = new List<object>(count);
        while (result.Count < count)
        {
            var left = t - sw.Elapsed;
            var m = left > TimeSpan.Zero ? ReceiveOne(left) : null;
            if (m is null) { throw new TestKitAssertionException($"Timeout ({t.TotalMilliseconds:0} ms): received only {result.Count} of {count} messages."); }
            result.Add(m);
        }
        return result;
    }

    /// <summary>Skips messages until one satisfies <paramref name="isTheOne"/> and returns it.</summary>
    public object FishForMessage(Func<object, bool> isTheOne, TimeSpan? timeout = null)
    {
        var t = timeout ?? TestKitSettings.DefaultTimeout;
        var sw = Stopwatch.StartNew();
        while (true)
        {
            var left = t - sw.Elapsed;
            var m = left > TimeSpan.Zero ? ReceiveOne(left) : null;
            if (m is null) { throw new TestKitAssertionException($"Timeout ({t.TotalMilliseconds:0} ms) while fishing for a message."); }
            if (isTheOne(m)) { return m; }
        }
    }

    /// <summary>Expects <see cref="Terminated"/> for <paramref name="target"/> (which must be watched).</summary>
    public Terminated ExpectTerminated(IActorRef target, TimeSpan? timeout = null) =>
        ExpectMsg<Terminated>(t => t.ActorRef.Equals(target), timeout);

    /// <summary>Receives the next message or returns null on timeout.</summary>
    public object? ReceiveOne(TimeSpan timeout)
    {
        if (!_ref.TryTake(out var item, timeout)) { return null; }
        LastMessage = item.Message;
        LastSender = item.Sender;
        return item.Message;
    }

    /// <summary>Number of messages waiting.</summary>
    public int QueuedCount => _ref.Count;

    private static string Describe(object message) => $"{message.GetType().Name} {message}";
}
