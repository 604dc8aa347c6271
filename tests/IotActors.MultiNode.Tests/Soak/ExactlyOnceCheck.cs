namespace IotActors.MultiNode.Tests.Soak;

/// <summary>
/// Checks an operator-only actuator's journal against the commands the API acknowledged: every acknowledged state change is
/// persisted exactly once (one event of its type written while its request was in flight), nothing was persisted that no
/// command asked for, and the journal is a gap-free alternation of Activated/Deactivated ending in the final state.
/// </summary>
internal static class ExactlyOnceCheck
{
    private static readonly TimeSpan Slack = TimeSpan.FromMilliseconds(50);

    /// <summary>The violations for <paramref name="fan"/>; empty when everything holds.</summary>
    public static IReadOnlyList<string> Check(string fan, IReadOnlyList<JournalEvent> events, IReadOnlyList<OperatorCommandRecord> commands, bool finalActive)
    {
        var problems = new List<string>();
        for (int i = 0; i < events.Count; i++)
        {
            if (events[i].SequenceNr != i + 1) problems.Add($"{fan}: journal sequence numbers are not 1..n: position {i} has {events[i]}");
            bool previous = i > 0 && events[i - 1].Active;
            if (events[i].Active == previous) problems.Add($"{fan}: {events[i]} repeats the state before it (a duplicated or lost event)");
        }

        bool recovered = events.Count > 0 && events[^1].Active;
        if (recovered != finalActive) problems.Add($"{fan}: the journal recovers active={recovered}, but the last accepted command set active={finalActive}");

        var fromOperator = events.Where(e => e.FromOperator).ToList();
        var mine = commands.Where(c => c.Fan == fan).ToList();
        foreach (var command in mine.Where(c => c.AcknowledgedChange))
        {
            int matches = fromOperator.Count(e => e.Active == command.Desired && e.At >= command.SentAt - Slack && e.At <= command.AnsweredAt + Slack);
            if (matches != 1) problems.Add($"{fan}: acknowledged change {command} has {matches} journal events instead of exactly 1");
        }

        int acknowledged = mine.Count(c => c.AcknowledgedChange);
        int ambiguous = mine.Count(c => c.Ambiguous);
        if (fromOperator.Count > acknowledged + ambiguous)
        {
            problems.Add($"{fan}: {fromOperator.Count} operator events in the journal but only {acknowledged} acknowledged changes and {ambiguous} unanswered commands");
        }
        foreach (var e in fromOperator.Where(e => !mine.Any(c => c.Desired == e.Active && e.At >= c.SentAt - Slack && (c.Ambiguous || e.At <= c.AnsweredAt + Slack))))
        {
            problems.Add($"{fan}: {e} matches no command that was sent");
        }
        return problems;
    }
}
