namespace IotActors.Cluster.FailureDetection;

/// <summary>Bounded window of heartbeat intervals (ms) with running sum and sum of squares.</summary>
internal sealed class HeartbeatHistory
{
    private readonly Queue<double> _intervals = new();
    private readonly int _maxSampleSize;
    private double _sum;
    private double _squaredSum;

    public HeartbeatHistory(int maxSampleSize) => _maxSampleSize = maxSampleSize;

    public int Count => _intervals.Count;

    public double Mean => _sum / _intervals.Count;

    public double Variance => Math.Max(0, (_squaredSum / _intervals.Count) - (Mean * Mean));

    public double StdDeviation => Math.Sqrt(Variance);

    public void Add(double intervalMs)
    {
        if (_intervals.Count >= _maxSampleSize)
        {
            var dropped = _intervals.Dequeue();
            _sum -= dropped;
            _squaredSum -= dropped * dropped;
        }

        _intervals.Enqueue(intervalMs);
        _sum += intervalMs;
        _squaredSum += intervalMs * intervalMs;
    }
}
