namespace IotActors.Actors;

internal sealed partial class ActorCell
{
    public IActorRef Watch(IActorRef subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (subject.Equals(SelfRef)) { return subject; }
        var watching = Extras.Watching ??= new HashSet<IActorRef>();
        if (watching.Add(subject))
        {
            ActorRefBase.AsInternal(subject).SendSystemMessage(new Watch(subject, SelfRef));
        }
        return subject;
    }

    public IActorRef Unwatch(IActorRef subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (_extras?.Watching?.Remove(subject) == true)
        {
            ActorRefBase.AsInternal(subject).SendSystemMessage(new Unwatch(subject, SelfRef));
        }
        _extras?.TerminatedQueued?.Remove(subject);
        return subject;
    }

    private void HandleWatch(Watch watch)
    {
        if (!watch.Watchee.Equals(SelfRef) || watch.Watcher.Equals(SelfRef)) { return; }
        if (_terminated)
        {
            ActorRefBase.AsInternal(watch.Watcher).SendSystemMessage(new DeathWatchNotification(SelfRef, true, false));
            return;
        }
        (Extras.WatchedBy ??= new HashSet<IActorRef>()).Add(watch.Watcher);
    }

    private void HandleUnwatch(Unwatch unwatch)
    {
        if (unwatch.Watchee.Equals(SelfRef)) { _extras?.WatchedBy?.Remove(unwatch.Watcher); }
    }

    private void HandleDeathWatchNotification(DeathWatchNotification n)
    {
        var wasChild = RemoveChild(n.Actor);
        if (_extras?.Watching?.Remove(n.Actor) == true && !_terminating)
        {
            (Extras.TerminatedQueued ??= new HashSet<IActorRef>()).Add(n.Actor);
            SelfRef.Tell(new Terminated(n.Actor, n.ExistenceConfirmed, n.AddressTerminated), n.Actor);
        }
        if (n.AddressTerminated) { _extras?.WatchedBy?.Remove(n.Actor); }
        if (wasChild) { AfterChildRemoved(); }
    }
}
