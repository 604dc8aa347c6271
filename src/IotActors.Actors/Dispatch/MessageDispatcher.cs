namespace IotActors.Actors;

/// <summary>Runs mailboxes on threads.</summary>
internal abstract class MessageDispatcher(string id, int throughput)
{
    public string Id { get; } = id;

    /// <summary>Maximum user messages processed per mailbox turn.</summary>
    public int Throughput { get; } = throughput;

    public virtual void Attach(Mailbox mailbox) { }

    public virtual void Detach(Mailbox mailbox) { }

    public abstract void Execute(Mailbox mailbox);
}
