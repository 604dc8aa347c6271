namespace IotActors.Home.Site;

/// <summary>How a rule change ended.</summary>
public enum RuleChangeStatus
{
    /// <summary>The change is in effect; the outcome carries the new rule-set version.</summary>
    Applied,

    /// <summary>No rule has this id (replace, remove).</summary>
    NotFound,

    /// <summary>A rule with this id exists already, or its actuator is commanded by another rule.</summary>
    Conflict,

    /// <summary>The rule is invalid; the detail lists every problem.</summary>
    Invalid,
}
