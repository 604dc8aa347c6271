using IotActors.Cluster.Membership;

namespace IotActors.Cluster.Discovery;

/// <summary>Rejects beacon counters already seen from a sender incarnation, with a bounded sliding window per sender.</summary>
/// <remarks>
/// Thread-safe. Per sender (address + incarnation) it keeps the highest counter and a 64-bit bitmap of the
/// counters below it; a counter older than the window is rejected. At most <c>maxSenders</c> senders are
/// tracked; the least recently updated one is forgotten first. Wall-clock time plays no part.
/// </remarks>
public sealed class ReplayFilter
{
    /// <summary>How many counters below the highest one are remembered.</summary>
    public const int WindowSize = 64;

    private readonly Dictionary<UniqueAddress, Window> _windows = [];
    private readonly int _maxSenders;
    private readonly Lock _gate = new();
    private long _tick;

    /// <summary>Creates a filter tracking at most <paramref name="maxSenders"/> sender incarnations.</summary>
    public ReplayFilter(int maxSenders = 4096)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSenders, 1);
        _maxSenders = maxSenders;
    }

    /// <summary>How many sender incarnations are tracked.</summary>
    public int SenderCount
    {
        get
        {
            lock (_gate)
            {
                return _windows.Count;
            }
        }
    }

    /// <summary>Returns true and records <paramref name="counter"/> if it is new for <paramref name="sender"/>; false for a replay.</summary>
    public bool TryAccept(UniqueAddress sender, ulong counter)
    {
        lock (_gate)
        {
            _tick++;
            if (!_windows.TryGetValue(sender, out var w))
            {
                if (_windows.Count >= _maxSenders)
                {
                    var oldest = _windows.MinBy(kv => kv.Value.LastUsed).Key;
                    _windows.Remove(oldest);
                }

                _windows[sender] = new Window { Highest = counter, Bitmap = 1, LastUsed = _tick };
                return true;
            }

            w.LastUsed = _tick;
            if (counter > w.Highest)
            {
                var shift = counter - w.Highest;
                w.Bitmap = shift >= WindowSize ? 1UL : (w.Bitmap << (int)shift) | 1UL;
                w.Highest = counter;
                return true;
            }

            var age = w.Highest - counter;
            if (age >= WindowSize)
            {
                return false;
            }

            var bit = 1UL << (int)age;
            if ((w.Bitmap & bit) != 0)
            {
                return false;
            }

            w.Bitmap |= bit;
            return true;
        }
    }

    private sealed class Window
    {
        public ulong Highest;
        public ulong Bitmap;
        public long LastUsed;
    }
}
