namespace IotActors.Remote.FailureDetection;

/// <summary>Phi-accrual failure detector over heartbeat inter-arrival times (Hayashibara et al.).</summary>
/// <remarks>Not thread-safe: callers serialize access. Times come from the injected <see cref="TimeProvider"/>.</remarks>
public sealed class PhiAccrualFailureDetector
{
    private readonly TimeProvider _time;
    private readonly double _minStdDevMs;
    private readonly double _pauseMs;
    private readonly int _maxSamples;
    private readonly Queue<double> _intervals = new();
    private double _sum;
    private double _sumSquares;
    private long? _lastTimestamp;

    /// <summary>Creates a detector; defaults match a 1 s heartbeat with threshold 8.</summary>
    public PhiAccrualFailureDetector(
        TimeProvider time, double threshold = 8.0, int maxSampleSize = 1000, TimeSpan? minStdDeviation = null,
        TimeSpan? acceptableHeartbeatPause = null, TimeSpan? firstHeartbeatEstimate = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(threshold, 0);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSampleSize, 2);
        _time = time;
        Threshold = threshold;
        _maxSamples = maxSampleSize;
        _minStdDevMs = (minStdDeviation ?? TimeSpan.FromMilliseconds(100)).TotalMilliseconds;
        _pauseMs = (acceptableHeartbeatPause ?? TimeSpan.FromSeconds(3)).TotalMilliseconds;
        FirstHeartbeatEstimate = firstHeartbeatEstimate ?? TimeSpan.FromSeconds(1);
    }

    /// <summary>Phi above which the monitored node is considered unavailable.</summary>
    public double Threshold { get; }

    /// <summary>Assumed heartbeat interval before real samples exist.</summary>
    public TimeSpan FirstHeartbeatEstimate { get; }

    /// <summary>Whether at least one heartbeat has been recorded.</summary>
    public bool IsMonitoring => _lastTimestamp.HasValue;

    /// <summary>Records a heartbeat arrival now.</summary>
    public void Heartbeat()
    {
        long now = _time.GetTimestamp();
        if (_lastTimestamp is { } last)
        {
            double interval = _time.GetElapsedTime(last, now).TotalMilliseconds;
            AddSample(interval);
        }
        else
        {
            // Seed with the estimate so the first real silence is judged sensibly.
            double mean = FirstHeartbeatEstimate.TotalMilliseconds;
            double stdDev = mean / 4;
            AddSample(mean - stdDev);
            AddSample(mean + stdDev);
        }
        _lastTimestamp = now;
    }

    /// <summary>The current suspicion level; 0 before the first heartbeat.</summary>
    public double Phi()
    {
        if (_lastTimestamp is not { } last) return 0.0;
        double elapsed = _time.GetElapsedTime(last).TotalMilliseconds;
        int n = _intervals.Count;
        double mean = _sum / n;
        double variance = Math.Max(0, _sumSquares / n - mean * mean);
        double stdDev = Math.Max(Math.Sqrt(variance), _minStdDevMs);
        return PhiOf(elapsed, mean + _pauseMs, stdDev);
    }

    /// <summary>Whether phi is below the threshold (true before the first heartbeat).</summary>
    public bool IsAvailable() => Phi() < Threshold;

    /// <summary>Phi for a silence of <paramref name="elapsedMs"/> given a normal distribution of intervals (logistic approximation of the CDF).</summary>
    internal static double PhiOf(double elapsedMs, double meanMs, double stdDevMs)
    {
        double y = (elapsedMs - meanMs) / stdDevMs;
        double e = Math.Exp(-y * (1.5976 + 0.070566 * y * y));
        return elapsedMs > meanMs ? -Math.Log10(e / (1.0 + e)) : -Math.Log10(1.0 - 1.0 / (1.0 + e));
    }

    private void AddSample(double interval)
    {
        if (_intervals.Count == _maxSamples)
        {
            double old = _intervals.Dequeue();
            _sum -= old;
            _sumSquares -= old * old;
        }
        _intervals.Enqueue(interval);
        _sum += interval;
        _sumSquares += interval * interval;
    }
}
