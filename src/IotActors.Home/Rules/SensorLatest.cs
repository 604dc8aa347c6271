namespace IotActors.Home.Rules;

/// <summary>The newest reading a rule has seen from one sensor.</summary>
public sealed record SensorLatest(double Value, long SequenceNr, DateTimeOffset SourceTime);
