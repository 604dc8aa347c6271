namespace IotActors.Persistence;

/// <summary>The outcome of one <see cref="AtomicWrite"/>: stored durably, or rejected with a reason.</summary>
/// <param name="Rejection">Why the write was rejected, or null when it was stored.</param>
public sealed record WriteResult(Exception? Rejection)
{
    /// <summary>The shared result of a stored write.</summary>
    public static WriteResult Success { get; } = new((Exception?)null);

    /// <summary>True when the write was stored durably.</summary>
    public bool IsSuccess => Rejection is null;
}
