namespace IotActors.Persistence.Internal;

/// <summary>Wakes live queries when the journal has committed new events.</summary>
internal sealed class CommitSignal
{
    private TaskCompletionSource _current = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task WaitAsync() => Volatile.Read(ref _current).Task;

    public void Pulse()
    {
        var previous = Interlocked.Exchange(ref _current, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        previous.TrySetResult();
    }

    /// <summary>Waits for a commit or the poll interval, whichever comes first.</summary>
    public async Task WaitForCommitOrPollAsync(Task commit, TimeSpan pollInterval, TimeProvider time, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(pollInterval, time, cts.Token);
        await Task.WhenAny(commit, delay).ConfigureAwait(false);
        await cts.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }
}
