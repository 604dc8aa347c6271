namespace IotActors.MultiNode.Tests.Soak;

/// <summary>One row of an actuator's journal (journal.db), decoded: Activated or Deactivated with its reason and time.</summary>
internal sealed record JournalEvent(long SequenceNr, bool Active, string Reason, DateTimeOffset At)
{
    /// <summary>Written for an operator command of the API (reason "command by NAME (ROLE)").</summary>
    public bool FromOperator => Reason.StartsWith("command by ", StringComparison.Ordinal);

    /// <inheritdoc/>
    public override string ToString() => $"seq {SequenceNr} {(Active ? "Activated" : "Deactivated")} at {At:HH:mm:ss.fff}: {Reason}";
}
