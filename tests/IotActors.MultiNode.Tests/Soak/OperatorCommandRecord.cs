namespace IotActors.MultiNode.Tests.Soak;

/// <summary>One operator command the soak sent through a node's API, with what the API answered (null status: no answer).</summary>
internal sealed record OperatorCommandRecord(int Index, string Fan, bool Desired, string Via, DateTimeOffset SentAt, DateTimeOffset AnsweredAt, int? Status, string Body)
{
    /// <summary>The API acknowledged the command (202 accepted).</summary>
    public bool Acknowledged => Status == 202;

    /// <summary>Acknowledged and the actuator changed state, so it persisted exactly one event for it.</summary>
    public bool AcknowledgedChange => Acknowledged && Body.Contains(" is now ", StringComparison.Ordinal);

    /// <summary>Not acknowledged: the actuator may or may not have applied it (a timeout, a paused or killed node).</summary>
    public bool Ambiguous => !Acknowledged;

    /// <inheritdoc/>
    public override string ToString() => $"cmd#{Index} {Fan}={(Desired ? "on" : "off")} via {Via} at {SentAt:HH:mm:ss.fff}: {Status?.ToString() ?? "no answer"} {Body}";
}
