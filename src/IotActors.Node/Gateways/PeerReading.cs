namespace IotActors.Node.Gateways;

/// <summary>One reading from a simple peer, as a gateway decoded it.</summary>
/// <param name="DeviceId">The peer's device id (e.g. <c>sensor1</c>).</param>
/// <param name="Metric">What was measured (e.g. <c>temperature</c>).</param>
/// <param name="Value">The measured value.</param>
/// <param name="Unit">The unit the peer gave, if any.</param>
/// <param name="SourceTime">When the peer measured it (the time of receipt when the peer sent none).</param>
/// <param name="Source">Where it came from: <c>udp:ip:port</c> or <c>tcp:ip:port</c>.</param>
public sealed record PeerReading(string DeviceId, string Metric, double Value, string? Unit, DateTimeOffset SourceTime, string Source);
