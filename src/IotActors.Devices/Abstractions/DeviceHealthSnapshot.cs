namespace IotActors.Devices.Abstractions;

/// <summary>An immutable copy of <see cref="DeviceHealth"/>, safe to send in a message.</summary>
public sealed record DeviceHealthSnapshot(
    DateTimeOffset? LastGood,
    DateTimeOffset? LastError,
    string? LastErrorReason,
    int ConsecutiveErrors,
    long TotalErrors,
    long TotalGood);
