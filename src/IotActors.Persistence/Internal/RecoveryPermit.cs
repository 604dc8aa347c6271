namespace IotActors.Persistence.Internal;

/// <summary>One recovery's claim on the extension's recovery slots; released exactly once by whichever side finishes first.</summary>
internal sealed class RecoveryPermit(SemaphoreSlim slots)
{
    private readonly Lock _lock = new();
    private bool _acquired;
    private bool _released;

    public async Task AcquireAsync(CancellationToken cancellationToken)
    {
        await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        lock (_lock)
        {
            if (!_released)
            {
                _acquired = true;
                return;
            }
        }

        slots.Release();
        throw new OperationCanceledException("The recovery ended before it got a slot.");
    }

    public void Release()
    {
        lock (_lock)
        {
            if (_released)
            {
                return;
            }

            _released = true;
            if (!_acquired)
            {
                return;
            }
        }

        slots.Release();
    }
}
