using System.Threading.Channels;
using IotActors.Home.Model;
using IotActors.Home.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace IotActors.Home.History;

/// <summary>History of readings in a node-local SQLite file (WAL), written by one background writer with group commit.</summary>
/// <remarks><see cref="Append"/> is thread-safe and never blocks; queries and pruning run on the thread pool on their own connections.</remarks>
public sealed class SqliteHistoryStore : IHistoryStore
{
    private readonly SqliteHistoryStoreOptions _options;
    private readonly ILogger _logger;
    private readonly Channel<object> _queue;
    private readonly Task _writer;
    private long _dropped;
    private int _disposed;

    private SqliteHistoryStore(SqliteHistoryStoreOptions options, ILogger logger)
    {
        _options = options;
        _logger = logger;
        _queue = Channel.CreateBounded<object>(new BoundedChannelOptions(options.MaxQueue)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>Opens (creating or migrating) the file and starts the writer.</summary>
    /// <exception cref="LocalStoreCorruptedException">The file is not a readable SQLite database.</exception>
    /// <exception cref="LocalStoreSchemaException">The file was written by a newer version.</exception>
    public static SqliteHistoryStore Open(SqliteHistoryStoreOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxQueue, 1, nameof(options.MaxQueue));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxBatch, 1, nameof(options.MaxBatch));
        if (options.Retention <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Retention, "Retention must be positive.");
        }

        SqliteFile.Prepare(options.Path, HistorySchema.Migrations);
        return new SqliteHistoryStore(options, logger ?? NullLogger.Instance);
    }

    /// <summary>The database file.</summary>
    public string Path => _options.Path;

    /// <inheritdoc />
    public long DroppedCount => Interlocked.Read(ref _dropped);

    /// <inheritdoc />
    public bool Append(Reading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (_queue.Writer.TryWrite(reading))
        {
            return true;
        }

        long dropped = Interlocked.Increment(ref _dropped);
        if ((dropped & (dropped - 1)) == 0)
        {
            HistoryLog.Dropping(_logger, _options.Path, _options.MaxQueue, dropped);
        }

        return false;
    }

    /// <inheritdoc />
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await _queue.Writer.WriteAsync(done, cancellationToken).ConfigureAwait(false);
        var finished = await Task.WhenAny(done.Task, _writer).WaitAsync(cancellationToken).ConfigureAwait(false);
        if (finished == _writer && !done.Task.IsCompleted)
        {
            await _writer.ConfigureAwait(false);
            throw new ObjectDisposedException(nameof(SqliteHistoryStore), $"The history writer of '{_options.Path}' has stopped.");
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<HistoryBucket>> QueryAsync(
        string deviceId, string metric, DateTimeOffset from, DateTimeOffset to, int maxPoints, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deviceId);
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPoints, 1);
        if (to <= from)
        {
            throw new ArgumentException($"The range end {to:O} must be after its start {from:O}.", nameof(to));
        }

        long fromMs = from.ToUnixTimeMilliseconds(), toMs = to.ToUnixTimeMilliseconds();
        long width = Math.Max(1, (toMs - fromMs + maxPoints - 1) / maxPoints);
        return Task.Run(() => SqliteFile.Guard(_options.Path, () => (IReadOnlyList<HistoryBucket>)Query(deviceId, metric, fromMs, toMs, width)), cancellationToken);
    }

    /// <inheritdoc />
    public Task<long> PruneAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var cutoff = now - _options.Retention;
        return Task.Run(() => SqliteFile.Guard(_options.Path, () =>
        {
            using var connection = SqliteFile.Open(_options.Path);
            using var command = connection.CreateCommand();
            command.CommandText = HistorySchema.Prune;
            command.Parameters.AddWithValue("$cutoff", cutoff.ToUnixTimeMilliseconds());
            long deleted = command.ExecuteNonQuery();
            if (deleted > 0)
            {
                HistoryLog.Pruned(_logger, deleted, cutoff, _options.Path);
            }

            return deleted;
        }), cancellationToken);
    }

    /// <summary>Writes what is queued, stops the writer and releases the file.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _queue.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
    }

    private List<HistoryBucket> Query(string deviceId, string metric, long fromMs, long toMs, long width)
    {
        using var connection = SqliteFile.Open(_options.Path);
        using var command = connection.CreateCommand();
        command.CommandText = HistorySchema.Query;
        command.Parameters.AddWithValue("$device", deviceId);
        command.Parameters.AddWithValue("$metric", metric);
        command.Parameters.AddWithValue("$from", fromMs);
        command.Parameters.AddWithValue("$to", toMs);
        command.Parameters.AddWithValue("$width", width);
        using var reader = command.ExecuteReader();
        var buckets = new List<HistoryBucket>();
        while (reader.Read())
        {
            long start = fromMs + (reader.GetInt64(0) * width);
            long end = Math.Min(start + width, toMs);
            buckets.Add(new HistoryBucket(
                DateTimeOffset.FromUnixTimeMilliseconds(start), DateTimeOffset.FromUnixTimeMilliseconds(end),
                reader.GetDouble(1), reader.GetDouble(2), reader.GetDouble(3), reader.GetInt64(4)));
        }

        return buckets;
    }

    private async Task WriteLoopAsync()
    {
        using var connection = SqliteFile.Open(_options.Path);
        var batch = new List<Reading>(_options.MaxBatch);
        var flushes = new List<TaskCompletionSource>();
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < _options.MaxBatch && reader.TryRead(out var item))
            {
                if (item is Reading reading)
                {
                    batch.Add(reading);
                }
                else
                {
                    flushes.Add((TaskCompletionSource)item);
                }
            }

            if (batch.Count > 0)
            {
                WriteBatch(connection, batch);
                batch.Clear();
            }

            foreach (var flush in flushes)
            {
                flush.TrySetResult();
            }

            flushes.Clear();
        }

        // Release the file handle so the data directory can be moved or deleted after disposal.
        SqliteConnection.ClearPool(connection);
    }

    private void WriteBatch(SqliteConnection connection, List<Reading> batch)
    {
        try
        {
            using var tx = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            command.Transaction = tx;
            command.CommandText = HistorySchema.Insert;
            var device = command.Parameters.Add("$device", SqliteType.Text);
            var metric = command.Parameters.Add("$metric", SqliteType.Text);
            var time = command.Parameters.Add("$time", SqliteType.Integer);
            var value = command.Parameters.Add("$value", SqliteType.Real);
            command.Prepare();
            foreach (var reading in batch)
            {
                device.Value = reading.DeviceId;
                metric.Value = reading.Metric;
                time.Value = reading.SourceTime.ToUnixTimeMilliseconds();
                value.Value = reading.Value;
                command.ExecuteNonQuery();
            }

            tx.Commit();
        }
        catch (Exception ex) when (ex is SqliteException or InvalidOperationException)
        {
            Interlocked.Add(ref _dropped, batch.Count);
            HistoryLog.WriteFailed(_logger, ex, batch.Count, _options.Path);
        }
    }
}
