namespace IotActors.Devices.Replay;

/// <summary>How a dataset is replayed.</summary>
/// <param name="Speed">Recorded pacing divided by this factor (60 = one recorded minute per second); ignored with <paramref name="Interval"/>.</param>
/// <param name="Interval">Fixed time between records instead of the recorded pacing; null to use the timestamps.</param>
/// <param name="Loop">Start again from the first record after the last one.</param>
public sealed record ReplayOptions(double Speed = 1.0, TimeSpan? Interval = null, bool Loop = false);
