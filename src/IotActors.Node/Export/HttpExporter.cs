using System.Net;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IotActors.Node.Export;

/// <summary>Sends the outbox upstream as JSON batches (<c>{"batch":key,"readings":[...]}</c>, header <c>Idempotency-Key</c>), retrying with backoff.</summary>
/// <remarks>A batch is deleted only after a 2xx (or 409 duplicate) answer, and a retry reuses its key, so a crash or a lost answer cannot duplicate.</remarks>
internal sealed class HttpExporter(ExportOptions options, SqliteOutbox outbox, HttpClient http, TimeProvider time, Random random, ILogger logger)
    : IHostedService, IAsyncDisposable
{
    private readonly ExportBackoff _backoff = new(options.MinBackoff, options.MaxBackoff, options.Jitter, random);
    private TaskCompletionSource _signal = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;

    public SqliteOutbox Outbox => outbox;

    /// <summary>Queues readings (JSON objects) and wakes the sender.</summary>
    public void Enqueue(IReadOnlyList<string> payloads)
    {
        long dropped = outbox.Enqueue(payloads, time.GetUtcNow());
        if (dropped > 0) ExportLog.Dropped(logger, dropped);
        Wake();
    }

    /// <summary>Makes an idle loop look at the outbox now; a backoff wait after a failure is not cut short.</summary>
    public void Wake() => Volatile.Read(ref _signal).TrySetResult();

    /// <summary>One attempt: claims the due batch and posts it; returns what happened. The delay before the next attempt after a failure is in <paramref name="retryAfter"/>.</summary>
    public async Task<(ExportStep Step, TimeSpan RetryAfter)> SendOnceAsync(CancellationToken cancellationToken)
    {
        OutboxBatch? batch = outbox.Claim(options.BatchSize, time.GetUtcNow(), options.FlushInterval);
        if (batch is null) return (ExportStep.Idle, TimeSpan.Zero);
        string? error = await PostAsync(batch, cancellationToken).ConfigureAwait(false);
        if (error is null)
        {
            outbox.Complete(batch, time.GetUtcNow());
            _backoff.Reset();
            return (ExportStep.Sent, TimeSpan.Zero);
        }
        TimeSpan delay = _backoff.NextDelay();
        outbox.RecordFailure(error, time.GetUtcNow() + delay);
        ExportLog.Failed(logger, batch.Key, batch.Ids.Count, error, delay);
        return (ExportStep.Failed, delay);
    }

    private async Task<string?> PostAsync(OutboxBatch batch, CancellationToken cancellationToken)
    {
        var body = new StringBuilder(64 + batch.Payloads.Sum(p => p.Length + 1));
        body.Append("{\"batch\":\"").Append(batch.Key).Append("\",\"readings\":[").AppendJoin(',', batch.Payloads).Append("]}");
        using var request = new HttpRequestMessage(HttpMethod.Post, options.Url) { Content = new StringContent(body.ToString(), Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", batch.Key);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.RequestTimeout);
        try
        {
            using HttpResponseMessage response = await http.SendAsync(request, timeout.Token).ConfigureAwait(false);
            return response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.Conflict
                ? null
                : $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
        }
        catch (HttpRequestException ex)
        {
            return ex.Message;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"no answer within {options.RequestTimeout}";
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        ExportLog.Started(logger, options.Url!, options.BatchSize, outbox.Count, options.OutboxPath);
        _loop = Task.Run(() => RunAsync(_stop.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    private async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                // Reset the signal before looking, so a reading queued while we send is never missed.
                var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                Volatile.Write(ref _signal, signal);
                var (step, retryAfter) = await SendOnceAsync(stop).ConfigureAwait(false);
                if (step == ExportStep.Sent) continue;
                if (step == ExportStep.Failed)
                {
                    await Task.Delay(retryAfter, time, stop).ConfigureAwait(false);
                    continue;
                }
                using var waitEnd = CancellationTokenSource.CreateLinkedTokenSource(stop);
                Task delay = Task.Delay(options.FlushInterval, time, waitEnd.Token);
                await Task.WhenAny(signal.Task, delay).ConfigureAwait(false);
                await waitEnd.CancelAsync().ConfigureAwait(false);
                stop.ThrowIfCancellationRequested();
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (!_stop.IsCancellationRequested) await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None).ConfigureAwait(false);
}
