using IotActors.Home.Model;

namespace IotActors.Home.Site;

/// <summary>A sensor published a reading.</summary>
public sealed record ReadingEvent(Reading Reading) : SiteEvent(Reading.SourceTime);
