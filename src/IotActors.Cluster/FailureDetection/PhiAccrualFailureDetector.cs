namespace IotActors.Cluster.FailureDetection;

/// <summary>Phi-accrual failure detector (Hayashibara et al.) for one monitored node, on an injected clock.</summary>
/// <remarks>Thread-safe. Phi is computed from the normal distribution of heartbeat intervals, with the acceptable pause added to the mean.</remarks>
public sealed class PhiAccrualFailureDetector
{
    private readonly TimeProvider _time;
    private readonly PhiAccrualOptions _options;
    private readonly HeartbeatHistory _history;
    private readonly Lock _gate = new();
    private long? _lastTimestamp;

    /// <summary>Creates a detector with the given options (default: <see cref="PhiAccrualOptions.Default"/>).</summary>
    public PhiAccrualFailureDetector(TimeProvider time, PhiAccrualOptions? options = null)
    {
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _options = options ?? PhiAccrualOptions.Default;
        _options.Validate();
        _history = new HeartbeatHistory(_options.MaxSampleSize);
    }

    /// <summary>Whether at least one heartbeat has arrived.</summary>
    public bool IsMonitoring
    {
        get
        {
            lock (_gate)
            {
                return _lastTimestamp.HasValue;
            }
        }
    }

    /// <summary>Whether the node is considered alive (phi below threshold, or not monitored yet).</summary>
    public bool IsAvailable => Phi() < _options.Threshold;

    /// <summary>Records a heartbeat at the current time.</summary>
    public void Heartbeat()
    {
        var now = _time.GetTimestamp();
        lock (_gate)
        {
            if (_lastTimestamp is { } last)
            {
                var interval = _time.GetElapsedTime(last, now).TotalMilliseconds;
                // An interval that ended a suspected failure would distort the statistics: skip it.
                if (IsAvailableAt(now))
                {
                    _history.Add(interval);
                }
            }
            else
            {
                var first = _options.FirstHeartbeatEstimate.TotalMilliseconds;
                var std = first / 4;
                _history.Add(first - std);
                _history.Add(first + std);
            }

            _lastTimestamp = now;
        }
    }

    /// <summary>The current suspicion level (0 when nothing has been heard yet).</summary>
    public double Phi()
    {
        var now = _time.GetTimestamp();
        lock (_gate)
        {
            return PhiAt(now);
        }
    }

    private bool IsAvailableAt(long now) => PhiAt(now) < _options.Threshold;

    private double PhiAt(long now)
    {
        if (_lastTimestamp is not { } last)
        {
            return 0.0;
        }

        var elapsed = _time.GetElapsedTime(last, now).TotalMilliseconds;
        var mean = _history.Mean + _options.AcceptableHeartbeatPause.TotalMilliseconds;
        var std = Math.Max(_history.StdDeviation, _options.MinStdDeviation.TotalMilliseconds);
        return ComputePhi(elapsed, mean, std);
    }

    /// <summary>Phi for a time since last heartbeat, using the logistic approximation of the normal CDF.</summary>
    internal static double ComputePhi(double elapsedMs, double meanMs, double stdMs)
    {
        var y = (elapsedMs - meanMs) / stdMs;
        var e = Math.Exp(-y * (1.5976 + (0.070566 * y * y)));
        return elapsedMs > meanMs ? -Math.Log10(e / (1.0 + e)) : -Math.Log10(1.0 - (1.0 / (1.0 + e)));
    }
}
