namespace IotActors.Home.Site;

/// <summary>The result of a rule change.</summary>
/// <param name="Status">How the change ended.</param>
/// <param name="Detail">A sentence for humans; the validation errors when <see cref="RuleChangeStatus.Invalid"/>.</param>
/// <param name="Version">The rule-set version after the change (unchanged when it failed).</param>
public sealed record RuleChangeOutcome(RuleChangeStatus Status, string Detail, long Version);
