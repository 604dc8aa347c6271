namespace IotActors.Devices.Replay;

/// <summary>A dataset file cannot be used at all (missing, unreadable, not CSV/JSON, no usable rows); the message says what to fix.</summary>
public sealed class DatasetException(string message, Exception? inner = null) : Exception(message, inner);
