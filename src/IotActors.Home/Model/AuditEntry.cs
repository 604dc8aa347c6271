namespace IotActors.Home.Model;

/// <summary>One line of the audit trail: who did what to which target, and how it ended.</summary>
/// <param name="At">When it happened.</param>
/// <param name="Who">The user, token name or node that acted.</param>
/// <param name="Role">The role it acted in (viewer, operator, admin, controller, ...).</param>
/// <param name="What">The action, e.g. <c>set-active</c> or <c>rule-replace</c>.</param>
/// <param name="Target">What the action was aimed at, e.g. a device or rule id.</param>
/// <param name="Outcome">e.g. <c>ok</c>, <c>denied</c>, <c>failed</c>.</param>
/// <param name="Detail">Free text for humans; may be empty.</param>
public sealed record AuditEntry(DateTimeOffset At, string Who, string Role, string What, string Target, string Outcome, string Detail);
