namespace IotActors.Node.Gateways;

/// <summary>Hands each reading to every registered sink in order (domain, CSV log, export); the first failure is rethrown after all ran.</summary>
internal sealed class ReadingFanOut(IEnumerable<IReadingSink> sinks) : IReadingSink
{
    private readonly IReadingSink[] _sinks = sinks.ToArray();

    public async ValueTask AcceptAsync(PeerReading reading)
    {
        Exception? first = null;
        foreach (IReadingSink sink in _sinks)
        {
            try
            {
                await sink.AcceptAsync(reading).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                first ??= ex;
            }
        }
        if (first is not null) throw new ReadingSinkException("a reading sink failed; see the inner exception", first);
    }
}
