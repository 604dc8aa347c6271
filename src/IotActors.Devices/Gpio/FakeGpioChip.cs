namespace IotActors.Devices.Gpio;

/// <summary>An in-memory GPIO chip with the same contract as the Linux one, for simulations, demos and tests.</summary>
/// <remarks>Thread-safe. Physical levels are kept per line; active-low is applied by the requested line like the kernel does.</remarks>
public sealed class FakeGpioChip : IGpioChip
{
    private readonly object _gate = new();
    private readonly string[] _names;
    private readonly bool[] _physical;
    private readonly string?[] _consumers;
    private readonly bool[] _isOutput;
    private readonly bool[] _activeLow;
    private readonly List<Queue<GpioEdgeEvent>?> _edgeQueues;
    private readonly GpioEdge[] _edges;
    private ulong _clockNs;

    /// <summary>Creates a chip with <paramref name="lineCount"/> lines named "GPIO0".."GPIOn" unless names are given.</summary>
    public FakeGpioChip(string name = "gpiochip0", int lineCount = 28, IReadOnlyList<string>? lineNames = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(lineCount);
        Name = name;
        LineCount = lineCount;
        _names = new string[lineCount];
        for (var i = 0; i < lineCount; i++)
        {
            _names[i] = lineNames is not null && i < lineNames.Count ? lineNames[i] : $"GPIO{i}";
        }

        _physical = new bool[lineCount];
        _consumers = new string?[lineCount];
        _isOutput = new bool[lineCount];
        _activeLow = new bool[lineCount];
        _edges = new GpioEdge[lineCount];
        _edgeQueues = [.. Enumerable.Repeat<Queue<GpioEdgeEvent>?>(null, lineCount)];
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public int LineCount { get; }

    /// <summary>When true, writes to output lines throw a <see cref="GpioException"/> (to test fault handling).</summary>
    public bool FailWrites { get; set; }

    /// <summary>Marks a line as held by another consumer, as if another program requested it.</summary>
    public void Claim(uint offset, string consumer)
    {
        lock (_gate)
        {
            CheckOffset(offset);
            _consumers[offset] = consumer;
        }
    }

    /// <summary>Returns the physical level of a line (what a voltmeter would see).</summary>
    public bool GetPhysical(uint offset)
    {
        lock (_gate)
        {
            CheckOffset(offset);
            return _physical[offset];
        }
    }

    /// <summary>Sets the physical level of an input line from outside (button press, PIR output), raising edge events.</summary>
    public void SetPhysical(uint offset, bool level)
    {
        lock (_gate)
        {
            CheckOffset(offset);
            var before = _physical[offset] ^ _activeLow[offset];
            _physical[offset] = level;
            var after = level ^ _activeLow[offset];
            var queue = _edgeQueues[(int)offset];
            if (queue is null || before == after)
            {
                return;
            }

            var wanted = after ? GpioEdge.Rising : GpioEdge.Falling;
            if ((_edges[offset] & wanted) != 0)
            {
                _clockNs += 1_000_000;
                queue.Enqueue(new GpioEdgeEvent(offset, after, _clockNs, (uint)(queue.Count + 1)));
                Monitor.PulseAll(_gate);
            }
        }
    }

    /// <inheritdoc />
    public GpioLineInfo GetLineInfo(uint offset)
    {
        lock (_gate)
        {
            CheckOffset(offset);
            return new GpioLineInfo(Name, offset, _names[offset], _consumers[offset] ?? string.Empty, _consumers[offset] is not null, _isOutput[offset], _activeLow[offset]);
        }
    }

    /// <inheritdoc />
    public bool TryFindLine(string name, out uint offset)
    {
        var index = Array.IndexOf(_names, name);
        offset = index < 0 ? 0 : (uint)index;
        return index >= 0;
    }

    /// <inheritdoc />
    public IGpioOutputLine OpenOutput(uint offset, GpioOutputOptions options)
    {
        lock (_gate)
        {
            Request(offset, output: true, options.ActiveLow, GpioEdge.None);
            _physical[offset] = options.InitialValue ^ options.ActiveLow;
            return new FakeLine(this, offset);
        }
    }

    /// <inheritdoc />
    public IGpioInputLine OpenInput(uint offset, GpioInputOptions options)
    {
        lock (_gate)
        {
            Request(offset, output: false, options.ActiveLow, options.Edge);
            if (options.Bias == GpioBias.PullUp)
            {
                _physical[offset] = true;
            }
            else if (options.Bias == GpioBias.PullDown)
            {
                _physical[offset] = false;
            }

            return new FakeLine(this, offset);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private void Request(uint offset, bool output, bool activeLow, GpioEdge edge)
    {
        if (offset >= LineCount)
        {
            throw GpioException.NoSuchLine(Name, offset.ToString(System.Globalization.CultureInfo.InvariantCulture), $"the chip has {LineCount} lines (0..{LineCount - 1})");
        }

        if (_consumers[offset] is { } holder)
        {
            throw GpioException.Busy(Name, offset, holder);
        }

        _consumers[offset] = GpioConstants.Consumer;
        _isOutput[offset] = output;
        _activeLow[offset] = activeLow;
        _edges[offset] = edge;
        _edgeQueues[(int)offset] = edge == GpioEdge.None ? null : new Queue<GpioEdgeEvent>();
    }

    private void Release(uint offset)
    {
        lock (_gate)
        {
            _consumers[offset] = null;
            _edgeQueues[(int)offset] = null;
            _edges[offset] = GpioEdge.None;
            Monitor.PulseAll(_gate);
        }
    }

    private void CheckOffset(uint offset)
    {
        if (offset >= LineCount)
        {
            throw GpioException.NoSuchLine(Name, offset.ToString(System.Globalization.CultureInfo.InvariantCulture), $"the chip has {LineCount} lines");
        }
    }

    private sealed class FakeLine(FakeGpioChip chip, uint offset) : IGpioOutputLine, IGpioInputLine
    {
        private bool _disposed;

        public uint Offset => offset;

        public void Write(bool value)
        {
            lock (chip._gate)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                if (chip.FailWrites)
                {
                    throw new GpioException(GpioErrorKind.IoError, $"Simulated write failure on {chip.Name} line {offset}.", 5);
                }

                chip._physical[offset] = value ^ chip._activeLow[offset];
            }
        }

        public bool Read()
        {
            lock (chip._gate)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                return chip._physical[offset] ^ chip._activeLow[offset];
            }
        }

        public GpioEdgeEvent? WaitForEdge(TimeSpan timeout)
        {
            lock (chip._gate)
            {
                var start = System.Diagnostics.Stopwatch.GetTimestamp();
                while (true)
                {
                    ObjectDisposedException.ThrowIf(_disposed, this);
                    var queue = chip._edgeQueues[(int)offset] ?? throw new InvalidOperationException($"Line {offset} was requested without edge detection; request it with an Edge option.");
                    if (queue.Count > 0)
                    {
                        return queue.Dequeue();
                    }

                    var left = timeout - System.Diagnostics.Stopwatch.GetElapsedTime(start);
                    if (left <= TimeSpan.Zero)
                    {
                        return null;
                    }

                    Monitor.Wait(chip._gate, left);
                }
            }
        }

        public void Dispose()
        {
            if (!_disposed)
            {
                _disposed = true;
                chip.Release(offset);
            }
        }
    }
}
