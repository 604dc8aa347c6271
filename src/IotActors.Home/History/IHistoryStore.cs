using IotActors.Home.Model;

namespace IotActors.Home.History;

/// <summary>Node-local time series of readings: cheap non-blocking appends, downsampled queries, retention.</summary>
public interface IHistoryStore : IAsyncDisposable
{
    /// <summary>Readings dropped because the write queue was full (or writing them failed).</summary>
    long DroppedCount { get; }

    /// <summary>Queues a reading for writing; never blocks. Returns false (and counts a drop) when the queue is full.</summary>
    bool Append(Reading reading);

    /// <summary>Completes when every reading appended before the call is written.</summary>
    Task FlushAsync(CancellationToken cancellationToken = default);

    /// <summary>Readings of one series in [from, to), summarised into at most <paramref name="maxPoints"/> equal-width buckets (empty buckets are left out).</summary>
    Task<IReadOnlyList<HistoryBucket>> QueryAsync(string deviceId, string metric, DateTimeOffset from, DateTimeOffset to, int maxPoints, CancellationToken cancellationToken = default);

    /// <summary>Deletes readings older than the retention period before <paramref name="now"/>; returns how many were deleted.</summary>
    Task<long> PruneAsync(DateTimeOffset now, CancellationToken cancellationToken = default);
}
