using IotActors.Devices.Abstractions;

namespace IotActors.Devices.Replay;

/// <summary>Replays a dataset as a sensor: at the recorded pacing divided by a speed factor, or at a fixed interval, optionally looping.</summary>
/// <remarks>
/// Not thread-safe. The replay clock starts at the first <see cref="Read"/>. Each read returns the next record once it is due,
/// otherwise <see cref="SensorReadStatus.NotReady"/> with the time left; after the last record it returns
/// <see cref="SensorReadStatus.EndOfData"/> unless looping. Looped timestamps are shifted by whole cycles so they keep increasing.
/// </remarks>
public sealed class DatasetReplayDriver : ISensorDriver
{
    private static readonly TimeSpan Floor = TimeSpan.FromMilliseconds(10);
    private readonly IReadOnlyList<DatasetRecord> _records;
    private readonly ReplayOptions _options;
    private readonly TimeProvider _time;
    private readonly TimeSpan _cycle;
    private DateTimeOffset? _start;
    private long _next;

    /// <summary>Creates a replay of <paramref name="dataset"/>.</summary>
    /// <exception cref="ArgumentException">Speed is not positive, or recorded pacing is asked for but a record has no timestamp.</exception>
    public DatasetReplayDriver(string deviceId, Dataset dataset, ReplayOptions? options = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        _options = options ?? new ReplayOptions();
        if (_options.Interval is null && !(_options.Speed > 0 && double.IsFinite(_options.Speed)))
        {
            throw new ArgumentException($"Replay speed must be a positive number, got {_options.Speed}.", nameof(options));
        }

        if (_options.Interval is { } iv && iv <= TimeSpan.Zero)
        {
            throw new ArgumentException($"Replay interval must be positive, got {iv}.", nameof(options));
        }

        if (_options.Interval is null && !dataset.HasTimestamps)
        {
            throw new ArgumentException($"Dataset '{dataset.Source}' has rows without timestamps: set a fixed interval or the timestamp column.", nameof(dataset));
        }

        DeviceId = deviceId;
        _records = dataset.Records;
        _time = time ?? TimeProvider.System;
        (MinPeriod, _cycle) = ComputePacing();
    }

    /// <inheritdoc />
    public string DeviceId { get; }

    /// <inheritdoc />
    public string Kind => Configuration.DeviceKinds.Dataset;

    /// <inheritdoc />
    public TimeSpan MinPeriod { get; }

    /// <inheritdoc />
    public DeviceHealth Health { get; } = new();

    /// <summary>Number of records emitted so far (across loops).</summary>
    public long Emitted => _next;

    /// <inheritdoc />
    public SensorReadResult Read()
    {
        var now = _time.GetUtcNow();
        _start ??= now;
        var count = _records.Count;
        if (!_options.Loop && _next >= count)
        {
            return SensorReadResult.EndOfData(now);
        }

        var cycle = _next / count;
        var index = (int)(_next % count);
        var due = _start.Value + DueOffset(cycle, index);
        if (now < due)
        {
            return SensorReadResult.NotReady(now, due - now, "next dataset record not due yet");
        }

        var record = _records[index];
        _next++;
        var recordedTime = record.Timestamp is { } ts ? ts + (RecordedCycle() * cycle) : now;
        Health.RecordSuccess(now);
        return SensorReadResult.Ok(recordedTime, record.Values);
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private TimeSpan DueOffset(long cycle, int index)
    {
        if (_options.Interval is { } interval)
        {
            return interval * ((cycle * _records.Count) + index);
        }

        var withinCycle = (_records[index].Timestamp!.Value - _records[0].Timestamp!.Value) / _options.Speed;
        return (_cycle * cycle) + withinCycle;
    }

    private TimeSpan RecordedCycle()
    {
        if (_records.Count < 2 || _records[0].Timestamp is null)
        {
            return _options.Interval ?? TimeSpan.FromSeconds(1);
        }

        var span = _records[^1].Timestamp!.Value - _records[0].Timestamp!.Value;
        var cycle = span + (span / (_records.Count - 1));
        return cycle > TimeSpan.Zero ? cycle : TimeSpan.FromSeconds(1);
    }

    private (TimeSpan MinPeriod, TimeSpan Cycle) ComputePacing()
    {
        if (_options.Interval is { } interval)
        {
            return (interval < Floor ? Floor : interval, interval * _records.Count);
        }

        var smallest = TimeSpan.MaxValue;
        for (var i = 1; i < _records.Count; i++)
        {
            var gap = _records[i].Timestamp!.Value - _records[i - 1].Timestamp!.Value;
            if (gap > TimeSpan.Zero && gap < smallest)
            {
                smallest = gap;
            }
        }

        var minPeriod = smallest == TimeSpan.MaxValue ? TimeSpan.FromSeconds(1) : smallest / _options.Speed;
        var recordedCycle = RecordedCycle();
        return (minPeriod < Floor ? Floor : minPeriod, recordedCycle / _options.Speed);
    }
}
