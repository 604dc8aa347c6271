using IotActors.Actors;
using IotActors.Persistence.Internal;

namespace IotActors.Persistence;

public abstract partial class PersistentActor
{
    private CancellationTokenSource? _replayCancel;
    private IAsyncEnumerator<PersistentRepr>? _replay;
    private long _highestStored;
    private RecoveryPermit? _recoveryPermit;

    private void BeginRecovery()
    {
        string pid;
        PersistenceExtension persistence;
        Recovery recovery;
        try
        {
            pid = PersistenceId;
            ArgumentException.ThrowIfNullOrEmpty(pid, nameof(PersistenceId));
            persistence = Persistence;
            recovery = Recovery;
        }
        catch (Exception ex)
        {
            FailRecovery(new RecoveryFailedException(PersistenceIdOrUnknown(), 0, "starting recovery", ex), null);
            return;
        }

        _replayCancel = new CancellationTokenSource();
        _recoveryPermit = new RecoveryPermit(persistence.RecoverySlots);
        var self = Self;
        var id = _instanceId;
        LoadSnapshotAsync(persistence, _recoveryPermit, pid, recovery, id, _replayCancel.Token).ContinueWith(
            t => self.Tell(t.IsCompletedSuccessfully ? t.Result : new RecoveryAborted(id, Unwrap(t)), self),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private static async Task<PersistentActorProtocol> LoadSnapshotAsync(PersistenceExtension persistence, RecoveryPermit permit, string pid, Recovery recovery, int id, CancellationToken cancellationToken)
    {
        await permit.AcquireAsync(cancellationToken).ConfigureAwait(false);
        Snapshot? snapshot = null;
        object? state = null;
        if (recovery.FromSnapshot.MaxSequenceNr > 0 && recovery.FromSnapshot.MaxSequenceNr >= recovery.FromSnapshot.MinSequenceNr)
        {
            try
            {
                snapshot = await persistence.SnapshotStore.LoadLatestAsync(pid, recovery.FromSnapshot, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                throw new RecoveryFailedException(pid, 0, "loading the latest snapshot", ex);
            }

            if (snapshot is not null)
            {
                try
                {
                    state = persistence.Serializer.Deserialize(snapshot.Manifest, snapshot.Payload);
                }
                catch (Exception ex)
                {
                    throw new RecoveryFailedException(pid, snapshot.Metadata.SequenceNr, $"decoding the snapshot with manifest '{snapshot.Manifest}'", ex);
                }
            }
        }

        long highest;
        try
        {
            highest = await persistence.Journal.ReadHighestSequenceNrAsync(pid, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new RecoveryFailedException(pid, snapshot?.Metadata.SequenceNr ?? 0, "reading the highest sequence number", ex);
        }

        return new SnapshotLoaded(id, snapshot?.Metadata, state, highest);
    }

    private void OnSnapshotLoaded(SnapshotLoaded loaded)
    {
        _highestStored = loaded.HighestSequenceNr;
        if (loaded.Metadata is { } metadata)
        {
            LastSequenceNr = metadata.SequenceNr;
            SnapshotSequenceNr = metadata.SequenceNr;
            if (!ApplyRecovery(new SnapshotOffer(metadata, loaded.Snapshot!), metadata.SequenceNr, "applying the snapshot"))
            {
                return;
            }
        }

        var recovery = Recovery;
        var from = LastSequenceNr + 1;
        var to = Math.Min(recovery.ToSequenceNr, _highestStored);
        if (to < from || recovery.ReplayMax <= 0)
        {
            FinishRecovery();
            return;
        }

        _replay = Persistence.Journal.ReplayAsync(PersistenceId, from, to, recovery.ReplayMax, _replayCancel!.Token).GetAsyncEnumerator(_replayCancel.Token);
        FetchNextBatch();
    }

    private void FetchNextBatch()
    {
        var self = Self;
        var id = _instanceId;
        ReadBatchAsync(_replay!, PersistenceId, LastSequenceNr, Persistence.ReplayBatchSize, id, _replayCancel!.Token).ContinueWith(
            t => self.Tell(t.IsCompletedSuccessfully ? t.Result : new RecoveryAborted(id, Unwrap(t)), self),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private static async Task<PersistentActorProtocol> ReadBatchAsync(IAsyncEnumerator<PersistentRepr> replay, string pid, long lastSeq, int size, int id, CancellationToken cancellationToken)
    {
        var events = new List<PersistentRepr>(size);
        var done = false;
        try
        {
            while (events.Count < size)
            {
                if (!await replay.MoveNextAsync().ConfigureAwait(false))
                {
                    done = true;
                    break;
                }

                events.Add(replay.Current);
                lastSeq = replay.Current.SequenceNr;
            }
        }
        catch (Exception ex)
        {
            await DisposeQuietlyAsync(replay).ConfigureAwait(false);
            if (ex is OperationCanceledException)
            {
                throw;
            }

            throw new RecoveryFailedException(pid, lastSeq + 1, "reading events", ex);
        }

        if (done || cancellationToken.IsCancellationRequested)
        {
            await DisposeQuietlyAsync(replay).ConfigureAwait(false);
        }

        return new ReplayedEvents(id, events, done);
    }

    private void OnReplayed(ReplayedEvents replayed)
    {
        if (!replayed.Done)
        {
            FetchNextBatch();
        }

        // Reading the next batch (on the pool) overlaps with decoding and applying this one (here).
        var serializer = Persistence.Serializer;
        foreach (var repr in replayed.Events)
        {
            object evt;
            try
            {
                evt = serializer.Deserialize(repr.Manifest, repr.Payload);
            }
            catch (Exception ex)
            {
                FailRecovery(new RecoveryFailedException(PersistenceId, repr.SequenceNr, $"decoding the event with manifest '{repr.Manifest}'", ex), null);
                return;
            }

            LastSequenceNr = repr.SequenceNr;
            if (!ApplyRecovery(evt, repr.SequenceNr, "applying the event"))
            {
                return;
            }
        }

        if (replayed.Done)
        {
            _replay = null;
            FinishRecovery();
        }
    }

    private void FinishRecovery()
    {
        _recoveryPermit?.Release();
        LastSequenceNr = Math.Max(LastSequenceNr, _highestStored);
        _nextSequenceNr = LastSequenceNr;
        _recovering = false;
        ReceiveRecover(RecoveryCompleted.Instance);
        if (!MustStash)
        {
            _internalStash.UnstashAll();
        }
    }

    private bool ApplyRecovery(object message, long seq, string what)
    {
        try
        {
            ReceiveRecover(message);
            return true;
        }
        catch (Exception ex)
        {
            FailRecovery(new RecoveryFailedException(PersistenceId, seq, what, ex), message);
            return false;
        }
    }

    private void FailRecovery(Exception cause, object? evt)
    {
        if (cause is not RecoveryFailedException)
        {
            cause = new RecoveryFailedException(PersistenceIdOrUnknown(), LastSequenceNr, "recovering", cause);
        }

        _replayCancel?.Cancel();
        _recoveryPermit?.Release();
        try
        {
            OnRecoveryFailure(cause, evt);
        }
        finally
        {
            StopSelf();
        }
    }

    private string PersistenceIdOrUnknown()
    {
        try
        {
            return PersistenceId ?? "(null)";
        }
        catch (Exception)
        {
            return "(unavailable)";
        }
    }

    private static async ValueTask DisposeQuietlyAsync(IAsyncEnumerator<PersistentRepr> replay)
    {
        try
        {
            await replay.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The cursor only holds a read connection; failing to close it changes nothing stored.
        }
    }

    private static Exception Unwrap(Task task) => task.Exception?.InnerException ?? new TaskCanceledException(task);
}
