namespace IotActors.Home.Site;

/// <summary>Something that happened on the site, delivered live to subscribers of <see cref="ISiteEvents"/>.</summary>
/// <param name="At">When it happened.</param>
public abstract record SiteEvent(DateTimeOffset At);
