using IotActors.Home.Model;

namespace IotActors.Home.Sensors;

/// <summary>Health of a device as a pure function of when it was last seen: online, stale after <see cref="StaleAfter"/>, offline after <see cref="OfflineAfter"/>.</summary>
public sealed record DeviceHealthPolicy
{
    /// <summary>Creates the policy; <paramref name="offlineAfter"/> must exceed <paramref name="staleAfter"/>, both positive.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The thresholds are not positive or not increasing.</exception>
    public DeviceHealthPolicy(TimeSpan staleAfter, TimeSpan offlineAfter)
    {
        if (staleAfter <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(staleAfter), staleAfter, "stale-after must be positive.");
        }

        if (offlineAfter <= staleAfter)
        {
            throw new ArgumentOutOfRangeException(nameof(offlineAfter), offlineAfter, $"offline-after must be longer than stale-after ({staleAfter}).");
        }

        StaleAfter = staleAfter;
        OfflineAfter = offlineAfter;
    }

    /// <summary>Silence after which a device is stale.</summary>
    public TimeSpan StaleAfter { get; }

    /// <summary>Silence after which a device is offline.</summary>
    public TimeSpan OfflineAfter { get; }

    /// <summary>The health at <paramref name="now"/> of a device last seen at <paramref name="lastSeen"/> (null: never seen, so offline).</summary>
    public DeviceHealth Of(DateTimeOffset? lastSeen, DateTimeOffset now)
    {
        if (lastSeen is not { } seen)
        {
            return DeviceHealth.Offline;
        }

        var silence = now - seen;
        return silence > OfflineAfter ? DeviceHealth.Offline : silence > StaleAfter ? DeviceHealth.Stale : DeviceHealth.Online;
    }

    /// <summary>When the health of a device last seen at <paramref name="lastSeen"/> next changes, or null when it is already offline for good.</summary>
    public DateTimeOffset? NextChange(DateTimeOffset lastSeen, DateTimeOffset now) =>
        Of(lastSeen, now) switch
        {
            DeviceHealth.Online => lastSeen + StaleAfter + TimeSpan.FromTicks(1),
            DeviceHealth.Stale => lastSeen + OfflineAfter + TimeSpan.FromTicks(1),
            _ => null,
        };
}
