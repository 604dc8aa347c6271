namespace IotActors.Home.Model;

/// <summary>A desired-state command to an actuator; applying the same desired state twice changes nothing.</summary>
/// <param name="DeviceId">The actuator's device id.</param>
/// <param name="Active">The desired state: true = active, false = idle.</param>
/// <param name="Reason">Why, for logs and the audit trail (e.g. <c>rule fan-auto: avg temperature 25.3 &gt; 25</c>).</param>
/// <param name="RequestedBy">Who asked: a rule id, a user or a node; null when unknown.</param>
/// <param name="Trigger">The reading that caused the command, when a rule sent it.</param>
public sealed record SetActive(string DeviceId, bool Active, string Reason, string? RequestedBy = null, Reading? Trigger = null);
