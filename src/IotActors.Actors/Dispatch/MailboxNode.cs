namespace IotActors.Actors;

/// <summary>A node of the lock-free user message queue (one allocation per message).</summary>
internal sealed class MailboxNode
{
    public object? Message;
    public IActorRef? Sender;
    public MailboxNode? Next;
}
