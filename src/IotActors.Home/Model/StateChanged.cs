namespace IotActors.Home.Model;

/// <summary>Published after an actuator's state changed; <paramref name="Version"/> orders changes of one device.</summary>
public sealed record StateChanged(string DeviceId, bool Active, string Reason, long Version, DateTimeOffset At);
