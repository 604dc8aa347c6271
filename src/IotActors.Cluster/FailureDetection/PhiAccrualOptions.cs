namespace IotActors.Cluster.FailureDetection;

/// <summary>Settings of the phi-accrual failure detector (defaults as Akka's cluster detector, with a shorter acceptable pause).</summary>
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
    /// <summary>
    /// threshold 8, 1000 samples, min std-deviation 100 ms, acceptable pause 2.5 s, heartbeat 1 s: a silent node is
    /// suspected 3.1-4.1 s after it stopped (Akka's 3 s pause gives 3.6-4.6 s, too close to our 5 s detection target).
    /// </summary>
    public static PhiAccrualOptions Default { get; } =
        new(8.0, 1000, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(2500), TimeSpan.FromSeconds(1));

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
