using IotActors.Home.Site;

namespace IotActors.Node.Api.Events;

/// <summary>The SSE event name and JSON payload of each kind of site event.</summary>
internal static class SiteEventJson
{
    public static (string Name, object Payload)? Describe(SiteEvent siteEvent) => siteEvent switch
    {
        ReadingEvent r => ("reading", new
        {
            deviceId = r.Reading.DeviceId, metric = r.Reading.Metric, unit = r.Reading.Unit, value = r.Reading.Value,
            sequenceNr = r.Reading.SequenceNr, time = r.Reading.SourceTime, node = r.Reading.NodeAddress,
        }),
        DeviceStateEvent s => ("state", new { deviceId = s.Change.DeviceId, active = s.Change.Active, reason = s.Change.Reason, version = s.Change.Version, time = s.Change.At }),
        MemberEvent m => ("member", new { kind = m.Kind, member = m.Member, time = m.At }),
        _ => null,
    };
}
