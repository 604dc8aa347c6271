using System.Text.RegularExpressions;

namespace IotActors.TestKit.MultiNode;

/// <summary>A node's captured stdout/stderr: appended to a log file and kept in a bounded in-memory ring for assertions.</summary>
public sealed class NodeLog : IDisposable
{
    private readonly object _gate = new();
    private readonly Queue<NodeLogLine> _ring = new();
    private readonly int _capacity;
    private readonly StreamWriter _file;
    private TaskCompletionSource _changed = NewSignal();
    private long _next;
    private bool _closed;

    internal NodeLog(string filePath, int capacity)
    {
        FilePath = filePath;
        _capacity = capacity;
        _file = new StreamWriter(new FileStream(filePath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
    }

    /// <summary>The log file (every line, never truncated).</summary>
    public string FilePath { get; }

    /// <summary>The sequence number the next line will get; pass it as <c>after</c> to wait only for lines written from now on.</summary>
    public long Position
    {
        get { lock (_gate) return _next; }
    }

    /// <summary>The lines still in the ring, oldest first.</summary>
    public IReadOnlyList<NodeLogLine> Lines
    {
        get { lock (_gate) return _ring.ToArray(); }
    }

    /// <summary>The last <paramref name="count"/> lines in the ring.</summary>
    public IReadOnlyList<NodeLogLine> Tail(int count)
    {
        lock (_gate) return _ring.Skip(Math.Max(0, _ring.Count - count)).ToArray();
    }

    /// <summary>Whether a line at or after <paramref name="after"/> contains <paramref name="text"/> (ordinal).</summary>
    public bool Contains(string text, long after = 0) => Find(l => l.Text.Contains(text, StringComparison.Ordinal), after) is not null;

    /// <summary>Waits until a line at or after <paramref name="after"/> contains <paramref name="text"/>, and returns it.</summary>
    public Task<NodeLogLine> WaitForAsync(string text, TimeSpan timeout, long after = 0, CancellationToken cancellation = default) =>
        WaitForAsync(l => l.Text.Contains(text, StringComparison.Ordinal), $"a line containing \"{text}\"", timeout, after, cancellation);

    /// <summary>Waits until a line at or after <paramref name="after"/> matches <paramref name="pattern"/>, and returns it.</summary>
    public Task<NodeLogLine> WaitForAsync(Regex pattern, TimeSpan timeout, long after = 0, CancellationToken cancellation = default) =>
        WaitForAsync(l => pattern.IsMatch(l.Text), $"a line matching /{pattern}/", timeout, after, cancellation);

    /// <summary>Waits until a line at or after <paramref name="after"/> satisfies <paramref name="predicate"/>, and returns it.</summary>
    public async Task<NodeLogLine> WaitForAsync(
        Func<NodeLogLine, bool> predicate, string description, TimeSpan timeout, long after = 0, CancellationToken cancellation = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(timeout);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (Find(predicate, after) is { } hit) return hit;
                changed = _changed.Task;
            }
            try
            {
                await changed.WaitAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
            {
                throw new TestKitAssertionException(
                    $"{Path.GetFileNameWithoutExtension(FilePath)}: no {description} within {timeout.TotalMilliseconds:0} ms; last lines:\n"
                    + string.Join('\n', Tail(15).Select(l => "  " + l.Text)));
            }
        }
    }

    /// <summary>Appends a line from the node (or a harness marker) to the file and the ring.</summary>
    internal void Append(string stream, string text)
    {
        TaskCompletionSource signal;
        lock (_gate)
        {
            var line = new NodeLogLine(_next++, stream, text);
            _ring.Enqueue(line);
            while (_ring.Count > _capacity) _ring.Dequeue();
            if (!_closed) _file.WriteLine(stream == "out" ? text : $"[{stream}] {text}");
            signal = _changed;
            _changed = NewSignal();
        }
        signal.TrySetResult();
    }

    /// <summary>Closes the log file.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _closed = true;
            _file.Dispose();
        }
    }

    private NodeLogLine? Find(Func<NodeLogLine, bool> predicate, long after)
    {
        lock (_gate) return _ring.FirstOrDefault(l => l.Sequence >= after && predicate(l));
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
