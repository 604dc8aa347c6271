using IotActors.Actors;
using IotActors.Persistence.Internal;

namespace IotActors.Persistence;

public abstract partial class PersistentActor
{
    private readonly Queue<Invocation> _pendingInvocations = new();
    private List<BatchEntry> _eventBatch = [];
    private bool _writeInProgress;
    private int _pendingStashingInvocations;
    private long _nextSequenceNr;

    /// <summary>Persists one event, then calls <paramref name="handler"/> with it; commands arriving meanwhile wait until the handler has run.</summary>
    protected void Persist<TEvent>(TEvent evt, Action<TEvent> handler) => PersistCore([evt], handler, stashing: true);

    /// <summary>Persists the events atomically, then calls <paramref name="handler"/> for each; commands wait until the last handler has run.</summary>
    protected void PersistAll<TEvent>(IEnumerable<TEvent> events, Action<TEvent> handler) =>
        PersistCore([.. events ?? throw new ArgumentNullException(nameof(events))], handler, stashing: true);

    /// <summary>Persists one event and calls <paramref name="handler"/> once it is stored; commands keep flowing meanwhile.</summary>
    protected void PersistAsync<TEvent>(TEvent evt, Action<TEvent> handler) => PersistCore([evt], handler, stashing: false);

    /// <summary>Persists the events atomically and calls <paramref name="handler"/> for each once stored; commands keep flowing meanwhile.</summary>
    protected void PersistAllAsync<TEvent>(IEnumerable<TEvent> events, Action<TEvent> handler) =>
        PersistCore([.. events ?? throw new ArgumentNullException(nameof(events))], handler, stashing: false);

    /// <summary>Calls <paramref name="handler"/> after every event persisted before it has been handled, without storing anything; at once if none is pending.</summary>
    protected void DeferAsync<TEvent>(TEvent evt, Action<TEvent> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        EnsureRecovered(nameof(DeferAsync));
        if (_pendingInvocations.Count == 0)
        {
            handler(evt);
            return;
        }

        _pendingInvocations.Enqueue(new Invocation(evt!, e => handler((TEvent)e), Stashing: false, SequenceNr: 0));
        _eventBatch.Add(new BatchEntry(null, null, 1, Sender));
    }

    private void PersistCore<TEvent>(IReadOnlyList<TEvent> events, Action<TEvent> handler, bool stashing)
    {
        ArgumentNullException.ThrowIfNull(handler);
        EnsureRecovered(stashing ? nameof(Persist) : nameof(PersistAsync));
        if (events.Count == 0)
        {
            return;
        }

        var reprs = new List<PersistentRepr>(events.Count);
        Exception? rejection = null;
        foreach (var evt in events)
        {
            ArgumentNullException.ThrowIfNull(evt, nameof(events));
            var seq = ++_nextSequenceNr;
            _pendingInvocations.Enqueue(new Invocation(evt, e => handler((TEvent)e), stashing, seq));
            if (stashing)
            {
                _pendingStashingInvocations++;
            }

            if (rejection is null)
            {
                try
                {
                    reprs.Add(ToRepr(evt, seq));
                }
                catch (Exception ex)
                {
                    rejection = ex;
                }
            }
        }

        AtomicWrite? write = null;
        if (rejection is null)
        {
            try
            {
                write = new AtomicWrite(reprs);
            }
            catch (ArgumentException ex)
            {
                rejection = ex;
            }
        }

        _eventBatch.Add(new BatchEntry(write, rejection, events.Count, Sender));
    }

    private PersistentRepr ToRepr(object evt, long seq)
    {
        var (payload, tags) = evt is Tagged tagged ? (tagged.Payload, tagged.Tags) : (evt, TagsFor(evt));
        var (manifest, bytes) = Persistence.Serializer.Serialize(payload);
        return new PersistentRepr(PersistenceId, seq, manifest, bytes) { Tags = tags };
    }

    private void EnsureRecovered(string operation)
    {
        if (_recovering)
        {
            throw new IllegalActorStateException($"{operation} cannot be called while {PersistenceId} is recovering; persist from command handlers or on RecoveryCompleted.");
        }
    }

    /// <summary>Sends the accumulated events to the journal as one call; one write is in flight per actor at a time.</summary>
    private void FlushBatch()
    {
        if (_writeInProgress || _eventBatch.Count == 0 || _stopping)
        {
            return;
        }

        var batch = _eventBatch;
        _eventBatch = [];
        _writeInProgress = true;
        var writes = new List<AtomicWrite>(batch.Count);
        foreach (var entry in batch)
        {
            if (entry.Write is { } write)
            {
                writes.Add(write);
            }
        }

        Task<IReadOnlyList<WriteResult>> task;
        try
        {
            task = writes.Count == 0 ? Task.FromResult<IReadOnlyList<WriteResult>>([])
                : Persistence.Journal is IInlineWriteJournal inline ? inline.WriteWithInlineCompletion(writes)
                : Persistence.Journal.WriteAsync(writes);
        }
        catch (Exception ex)
        {
            task = Task.FromException<IReadOnlyList<WriteResult>>(ex);
        }

        var self = Self;
        var id = _instanceId;
        task.ContinueWith(
            t => ReportBatch(t, batch, self, id),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private static void ReportBatch(Task<IReadOnlyList<WriteResult>> task, List<BatchEntry> batch, IActorRef self, int id)
    {
        Exception? failure = task.IsCompletedSuccessfully ? null : task.Exception?.InnerException ?? new TaskCanceledException(task);
        var results = failure is null ? task.Result : null;
        var next = 0;
        foreach (var entry in batch)
        {
            WriteOutcome outcome;
            if (entry.Write is null)
            {
                outcome = entry.Rejection is null ? new WriteOutcome(id, WriteStatus.Written, null) : new WriteOutcome(id, WriteStatus.Rejected, entry.Rejection);
            }
            else if (failure is not null)
            {
                outcome = new WriteOutcome(id, WriteStatus.Failed, failure);
            }
            else
            {
                var result = next < results!.Count ? results[next] : new WriteResult(new PersistenceException("The journal returned fewer results than writes."));
                next++;
                outcome = result.IsSuccess ? new WriteOutcome(id, WriteStatus.Written, null) : new WriteOutcome(id, WriteStatus.Rejected, result.Rejection);
            }

            var last = ReferenceEquals(entry, batch[^1]);
            for (var i = 0; i < entry.Count; i++)
            {
                self.Tell(last && i == entry.Count - 1 ? outcome with { EndOfBatch = true } : outcome, entry.Sender);
            }
        }
    }

    private void OnWriteOutcome(WriteOutcome outcome)
    {
        if (outcome.EndOfBatch)
        {
            _writeInProgress = false;
        }

        var invocation = _pendingInvocations.Dequeue();
        if (invocation.Stashing)
        {
            _pendingStashingInvocations--;
        }

        switch (outcome.Status)
        {
            case WriteStatus.Written:
                if (invocation.SequenceNr > 0)
                {
                    LastSequenceNr = invocation.SequenceNr;
                }

                invocation.Handler(invocation.Event);
                break;
            case WriteStatus.Rejected:
                OnPersistRejected(outcome.Cause!, invocation.Event, invocation.SequenceNr);
                break;
            default:
                try
                {
                    OnPersistFailure(outcome.Cause!, invocation.Event, invocation.SequenceNr);
                }
                finally
                {
                    StopSelf();
                }

                return;
        }

        if (invocation.Stashing && _pendingStashingInvocations == 0)
        {
            _internalStash.UnstashAll();
        }
    }

    private sealed record Invocation(object Event, Action<object> Handler, bool Stashing, long SequenceNr);

    private sealed record BatchEntry(AtomicWrite? Write, Exception? Rejection, int Count, IActorRef Sender);
}
