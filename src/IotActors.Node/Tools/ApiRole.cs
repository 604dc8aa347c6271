namespace IotActors.Node.Tools;

/// <summary>What an API token may do; each role includes the ones below it.</summary>
public enum ApiRole
{
    /// <summary>Read state and readings.</summary>
    Viewer = 1,
    /// <summary>Also command actuators.</summary>
    Operator = 2,
    /// <summary>Also change configuration and tokens.</summary>
    Admin = 3,
}
