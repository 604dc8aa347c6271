using IotActors.Home.Configuration;

namespace IotActors.Home.Actors;

/// <summary>How the domain actors of one node run: the validated <c>iotactors.home</c> options plus the node's identity.</summary>
/// <param name="Home">The validated <c>iotactors.home</c> options.</param>
/// <param name="NodeAddress">This node's address, written as the owner of its devices.</param>
/// <param name="Roles">This node's roles; a controller actor runs when it has <c>controller</c>.</param>
public sealed record SmartSiteSettings(HomeOptions Home, string NodeAddress, IReadOnlyList<string> Roles)
{
    /// <summary>Shortest time between two site-state writes of one sensor (readings in between are coalesced).</summary>
    public TimeSpan SiteUpdateInterval { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How often an actuator checks whether its controlling data went stale.</summary>
    public TimeSpan FailSafeCheckInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a recovering actuator waits for its device to confirm the re-applied state before taking commands anyway.</summary>
    public TimeSpan HardwareTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Shortest time between two <see cref="ControlFeed"/> messages of one rule.</summary>
    public TimeSpan ControlFeedInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long the API waits for an actuator's answer.</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Whether this node runs a controller.</summary>
    public bool IsController => Roles.Contains("controller", StringComparer.Ordinal);

    /// <summary>Throws when an interval is not positive.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An interval is zero or negative.</exception>
    public SmartSiteSettings Validate()
    {
        ArgumentNullException.ThrowIfNull(Home);
        ArgumentException.ThrowIfNullOrWhiteSpace(NodeAddress);
        Positive(SiteUpdateInterval, "home.site-update-interval");
        Positive(FailSafeCheckInterval, "home.actuator.fail-safe-check-interval");
        Positive(HardwareTimeout, "home.actuator.hardware-timeout");
        Positive(ControlFeedInterval, "home.controller.feed-interval");
        Positive(CommandTimeout, "home.command-timeout");
        return this;
    }

    private static void Positive(TimeSpan value, string key)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(key, value, $"iotactors.{key} must be a positive duration.");
        }
    }
}
