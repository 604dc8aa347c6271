namespace IotActors.Actors;

internal sealed class StashImpl(ActorCell cell, int capacity, List<(object Message, IActorRef? Sender)>? owned = null) : IStash
{
    private List<(object Message, IActorRef? Sender)> Items => owned ?? cell.StashList;

    // The delivery stashed last: stashing the same delivery twice is a bug, while the same message object delivered
    // again (a periodic timer's message, a singleton like Tick.Instance) is a new delivery and may be stashed.
    private long _lastStashedInvocation = -1;

    public int Count => Items.Count;

    public int Capacity => capacity;

    public void Stash()
    {
        var current = cell.CurrentMessage
            ?? throw new IllegalActorStateException("Stash() can only be called while the actor is processing a message.");
        var items = Items;
        if (items.Count > 0 && _lastStashedInvocation == cell.CurrentInvocation)
        {
            throw new IllegalActorStateException($"The message of type {current.GetType().Name} is already stashed; stash each message once.");
        }
        if (items.Count >= capacity)
        {
            throw new StashOverflowException($"Stash of {cell.SelfRef.Path} is full ({capacity} messages); unstash or raise the capacity with Props.WithStashCapacity.");
        }
        items.Add((current, cell.CurrentSender));
        _lastStashedInvocation = cell.CurrentInvocation;
    }

    public bool Unstash()
    {
        var items = Items;
        if (items.Count == 0) { return false; }
        var first = items[0];
        items.RemoveAt(0);
        cell.PrependToMailbox([first]);
        return true;
    }

    public void UnstashAll()
    {
        var items = Items;
        if (items.Count == 0) { return; }
        cell.PrependToMailbox(items.ToArray());
        items.Clear();
    }

    public void UnstashAll(Func<object, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var items = Items;
        var back = new List<(object, IActorRef?)>();
        var keep = new List<(object, IActorRef?)>();
        foreach (var item in items) { (predicate(item.Message) ? back : keep).Add(item); }
        items.Clear();
        items.AddRange(keep);
        if (back.Count > 0) { cell.PrependToMailbox(back); }
    }

    public IReadOnlyList<object> ClearStash()
    {
        var items = Items;
        var dropped = new List<object>(items.Count);
        foreach (var item in items) { dropped.Add(item.Message); }
        items.Clear();
        return dropped;
    }
}
