namespace IotActors.Actors;

/// <summary>Keeps messages aside to process them later, in order.</summary>
/// <remarks>Use only from inside the owning actor.</remarks>
public interface IStash
{
    /// <summary>Number of stashed messages.</summary>
    int Count { get; }

    /// <summary>Maximum number of stashed messages.</summary>
    int Capacity { get; }

    /// <summary>Stashes the current message; throws <see cref="StashOverflowException"/> when full.</summary>
    void Stash();

    /// <summary>Puts the oldest stashed message back in front of the mailbox; false if the stash is empty.</summary>
    bool Unstash();

    /// <summary>Puts all stashed messages back in front of the mailbox, oldest first.</summary>
    void UnstashAll();

    /// <summary>Puts back the stashed messages matching <paramref name="predicate"/>, oldest first; the others stay stashed.</summary>
    void UnstashAll(Func<object, bool> predicate);

    /// <summary>Empties the stash and returns the dropped messages.</summary>
    IReadOnlyList<object> ClearStash();
}
