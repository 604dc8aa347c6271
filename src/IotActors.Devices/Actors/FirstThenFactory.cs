namespace IotActors.Devices.Actors;

/// <summary>Hands out a driver created ahead of time once, then new ones from the factory.</summary>
/// <remarks>Thread-safe: device actors restart on their own threads.</remarks>
internal sealed class FirstThenFactory<T>(T first, Func<T> factory)
    where T : class
{
    private T? _first = first;

    public T Next() => Interlocked.Exchange(ref _first, null) ?? factory();
}
