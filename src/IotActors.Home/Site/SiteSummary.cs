namespace IotActors.Home.Site;

/// <summary>Counts over the whole site, for the dashboard header and <c>GET /api/site</c>.</summary>
/// <param name="Devices">All devices.</param>
/// <param name="Sensors">Devices of kind sensor or remote peer.</param>
/// <param name="Actuators">Devices of kind actuator.</param>
/// <param name="ActiveActuators">Actuators currently active.</param>
/// <param name="Online">Devices heard from recently.</param>
/// <param name="Stale">Devices silent longer than stale-after.</param>
/// <param name="Offline">Devices silent longer than offline-after, or never heard from.</param>
/// <param name="Rules">Number of rules.</param>
/// <param name="RulesVersion">The rule set's version.</param>
/// <param name="At">When the summary was taken.</param>
public sealed record SiteSummary(int Devices, int Sensors, int Actuators, int ActiveActuators, int Online, int Stale, int Offline, int Rules, long RulesVersion, DateTimeOffset At);
