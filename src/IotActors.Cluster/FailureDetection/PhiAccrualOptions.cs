namespace IotActors.Cluster.FailureDetection;

/// <summary>Settings of the phi-accrual failure detector (defaults as Akka's cluster detector).</summary>
/// <param name="Threshold">Phi above which the node is considered unavailable.</param>
/// <param name="MaxSampleSize">How many heartbeat intervals are kept for the statistics.</param>
/// <param name="MinStdDeviation">Lower bound of the standard deviation, so very regular heartbeats do not make phi jumpy.</param>
/// <param name="AcceptableHeartbeatPause">Pause (GC, network blip) tolerated before phi rises.</param>
/// <param name="FirstHeartbeatEstimate">Assumed interval before real samples exist (the heartbeat interval).</param>
public sealed record PhiAccrualOptions(
    double Threshold,
    int MaxSampleSize,
    TimeSpan MinStdDeviation,
    TimeSpan AcceptableHeartbeatPause,
    TimeSpan FirstHeartbeatEstimate)
{
    /// <summary>threshold 8, 1000 samples, min std-deviation 100 ms, acceptable pause 3 s, heartbeat 1 s.</summary>
    public static PhiAccrualOptions Default { get; } =
        new(8.0, 1000, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(1));

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> if a value is out of range.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Threshold, nameof(Threshold));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxSampleSize, nameof(MaxSampleSize));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(MinStdDeviation, TimeSpan.Zero, nameof(MinStdDeviation));
        ArgumentOutOfRangeException.ThrowIfLessThan(AcceptableHeartbeatPause, TimeSpan.Zero, nameof(AcceptableHeartbeatPause));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(FirstHeartbeatEstimate, TimeSpan.Zero, nameof(FirstHeartbeatEstimate));
    }
}
