using System.Collections.Immutable;
using IotActors.Cluster.Membership;

namespace IotActors.Cluster.Downing;

/// <summary>Reports when the membership/reachability picture has not changed for the stable-after period.</summary>
/// <remarks>Not thread-safe: owned by one actor.</remarks>
public sealed class StableAfterTimer
{
    /// <summary>The default stable-after period (7 s).</summary>
    public static readonly TimeSpan DefaultStableAfter = TimeSpan.FromSeconds(7);

    private readonly TimeProvider _time;
    private string _fingerprint = string.Empty;
    private long _changedAt;

    /// <summary>Creates the timer; the picture counts as changed at creation.</summary>
    public StableAfterTimer(TimeProvider time, TimeSpan? stableAfter = null)
    {
        _time = time ?? throw new ArgumentNullException(nameof(time));
        StableAfter = stableAfter ?? DefaultStableAfter;
        ArgumentOutOfRangeException.ThrowIfLessThan(StableAfter, TimeSpan.Zero, nameof(stableAfter));
        _changedAt = _time.GetTimestamp();
    }

    /// <summary>How long the picture must stay unchanged.</summary>
    public TimeSpan StableAfter { get; }

    /// <summary>Feeds the current picture; returns true if it differs from the previous one (and restarts the period).</summary>
    public bool Observe(IEnumerable<Member> members, IEnumerable<UniqueAddress> unreachable)
    {
        var fingerprint = string.Join(';', members.OrderBy(m => m.Address).Select(m => $"{m.Address}#{m.Address.Incarnation}={m.Status}")) +
                          "|" + string.Join(';', unreachable.ToImmutableSortedSet().Select(a => $"{a}#{a.Incarnation}"));
        if (fingerprint == _fingerprint)
        {
            return false;
        }

        _fingerprint = fingerprint;
        _changedAt = _time.GetTimestamp();
        return true;
    }

    /// <summary>Time since the last change.</summary>
    public TimeSpan StableFor => _time.GetElapsedTime(_changedAt);

    /// <summary>Whether the picture has been unchanged for at least <see cref="StableAfter"/>.</summary>
    public bool IsStable => StableFor >= StableAfter;

    /// <summary>Time left until stable (zero when already stable).</summary>
    public TimeSpan RemainingUntilStable => IsStable ? TimeSpan.Zero : StableAfter - StableFor;
}
