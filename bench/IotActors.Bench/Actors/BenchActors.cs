using IotActors.Actors;

namespace IotActors.Bench.Actors;

/// <summary>Counts messages and completes a task when the expected count is reached.</summary>
internal sealed class CountdownActor : UntypedActor
{
    public static TaskCompletionSource? Done;
    public static int Expected;
    private int _count;

    protected override void OnReceive(object message)
    {
        if (message is string) { _count = 0; return; }
        if (++_count == Expected) { Done!.TrySetResult(); }
    }
}

/// <summary>Replies with the message.</summary>
internal sealed class ReplyActor : UntypedActor
{
    protected override void OnReceive(object message) => Sender.Tell(message, Self);
}

/// <summary>Does nothing; signals once started.</summary>
internal sealed class StartedActor : UntypedActor
{
    public static int Started;
    protected override void PreStart() => Interlocked.Increment(ref Started);
    protected override void OnReceive(object message) { }
}
