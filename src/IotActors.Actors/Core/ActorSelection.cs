namespace IotActors.Actors;

/// <summary>A path (relative to an anchor ref) resolved at every send; supports names and "..".</summary>
public sealed class ActorSelection
{
    private readonly ActorSystem _system;
    private readonly string[] _elements;

    internal ActorSelection(ActorSystem system, IActorRef anchor, IReadOnlyList<string> elements)
    {
        _system = system;
        Anchor = anchor;
        _elements = elements.ToArray();
    }

    /// <summary>The ref the path is relative to.</summary>
    public IActorRef Anchor { get; }

    /// <summary>The path elements relative to <see cref="Anchor"/>.</summary>
    public IReadOnlyList<string> Elements => _elements;

    /// <summary>Sends to the selected actor, or to dead letters if none exists now.</summary>
    public void Tell(object message, IActorRef? sender = null) => (Resolve() ?? _system.DeadLetters).Tell(message, sender);

    /// <summary>Resolves to the current actor; faults with <see cref="ActorNotFoundException"/> if none exists.</summary>
    public Task<IActorRef> ResolveOne(TimeSpan timeout)
    {
        var found = Resolve();
        if (found is ActorRefBase { IsLocal: false } remote) { return IdentifyRemote(remote, timeout); }
        return found is not null
            ? Task.FromResult(found)
            : Task.FromException<IActorRef>(new ActorNotFoundException($"No actor found for selection {this}."));
    }

    private async Task<IActorRef> IdentifyRemote(IActorRef remote, TimeSpan timeout)
    {
        var identity = await remote.Ask<ActorIdentity>(new Identify(null), timeout).ConfigureAwait(false);
        return identity.Subject ?? throw new ActorNotFoundException($"No actor found for selection {this}.");
    }

    private IActorRef? Resolve()
    {
        var current = Anchor;
        foreach (var element in _elements)
        {
            if (element == "..")
            {
                current = current is LocalActorRef l ? l.Cell.ParentRef : null;
            }
            else if (element != ".")
            {
                current = current is LocalActorRef local
                    ? (ReferenceEquals(local, _system.RootGuardian) ? _system.Provider.ResolveLocal([element]) : local.GetChild(element))
                    : null;
            }
            if (current is null) { return null; }
        }
        return current is LocalActorRef { IsTerminated: true } ? null : current;
    }

    /// <inheritdoc />
    public override string ToString() => $"ActorSelection[{Anchor.Path}/{string.Join('/', _elements)}]";
}
