namespace IotActors.Actors;

/// <summary>A ref to an actor in this process; its path object is built on first use to keep idle actors small.</summary>
internal sealed class LocalActorRef : ActorRefBase
{
    internal readonly ActorCell Cell;
    internal readonly string Name;
    private readonly ActorPath? _parentPath;
    private readonly long _uid;
    private ActorPath? _path;

    public LocalActorRef(ActorCell cell, ActorPath path)
    {
        Cell = cell;
        _path = path;
        Name = path.Name;
        _uid = path.Uid;
    }

    public LocalActorRef(ActorCell cell, ActorPath parentPath, string name, long uid)
    {
        Cell = cell;
        _parentPath = parentPath;
        Name = name;
        _uid = uid;
    }

    public override ActorPath Path => _path ??= _parentPath!.ChildUnchecked(Name, _uid);

    public override ActorSystem? System => Cell.SystemImpl;

    public override void Tell(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        Cell.Mailbox.Post(message, sender);
    }

    public override void SendSystemMessage(SystemMessage message) => Cell.Mailbox.PostSystem(message);

    internal bool IsTerminated => Cell.Mailbox.IsClosed;

    internal IActorRef? GetChild(string name) => Cell.GetChildByName(name);
}
