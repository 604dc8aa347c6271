using IotActors.Home.Model;

namespace IotActors.Home.Site;

/// <summary>An actuator changed between idle and active.</summary>
public sealed record DeviceStateEvent(StateChanged Change) : SiteEvent(Change.At);
