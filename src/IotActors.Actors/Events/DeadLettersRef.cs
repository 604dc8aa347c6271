namespace IotActors.Actors;

/// <summary>Receives undeliverable messages, counts them and publishes <see cref="DeadLetter"/>.</summary>
internal sealed class DeadLettersRef(ActorSystem system, ActorPath path) : ActorRefBase
{
    private long _count;
    private long _overflow;

    public override ActorPath Path => path;

    public override ActorSystem? System => system;

    public long Count => Interlocked.Read(ref _count);

    public long OverflowCount => Interlocked.Read(ref _overflow);

    public override void Tell(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        Interlocked.Increment(ref _count);
        var letter = message as DeadLetter ?? new DeadLetter(message, sender, this);
        if (letter.Message is DeadLetter) { return; }
        if (system.Settings.LogDeadLetters)
        {
            KernelLog.DeadLetterLogged(system.KernelLogger, letter.Message.GetType().Name, letter.Recipient.Path.ToString());
        }
        system.EventStream.Publish(letter);
    }

    internal void Overflow(object message, IActorRef? sender, IActorRef recipient)
    {
        Interlocked.Increment(ref _overflow);
        Tell(new DeadLetter(message, sender, recipient), sender);
    }

    public override void SendSystemMessage(SystemMessage message) => system.HandleDeadSystemMessage(this, message);
}
