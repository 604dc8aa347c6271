namespace IotActors.Actors;

/// <summary>Standard replies for request/response; a <see cref="Failure"/> reply faults an Ask task.</summary>
public static class Status
{
    /// <summary>A successful reply carrying an optional value.</summary>
    public sealed record Success(object? Value);

    /// <summary>A failed reply carrying the cause.</summary>
    public sealed record Failure(Exception Cause);
}
