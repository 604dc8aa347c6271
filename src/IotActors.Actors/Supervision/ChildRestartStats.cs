namespace IotActors.Actors;

/// <summary>Restart bookkeeping of one child, owned by the parent.</summary>
internal sealed class ChildRestartStats
{
    private int _count;
    private long _windowStart;

    public bool RequestRestartPermission(int maxNrOfRetries, TimeSpan? within, TimeProvider time)
    {
        if (maxNrOfRetries == 0) { return false; }
        if (maxNrOfRetries < 0 && within is null) { return true; }
        if (within is null)
        {
            _count++;
            return _count <= maxNrOfRetries;
        }
        var now = time.GetTimestamp();
        if (_count == 0 || time.GetElapsedTime(_windowStart, now) > within.Value)
        {
            _windowStart = now;
            _count = 1;
            return true;
        }
        _count++;
        return maxNrOfRetries < 0 || _count <= maxNrOfRetries;
    }
}
