namespace IotActors.Home.Site;

/// <summary>Live site events for any number of subscribers.</summary>
public interface ISiteEvents
{
    /// <summary>Starts a subscription holding at most <paramref name="capacity"/> undelivered events; dispose it to stop.</summary>
    ISiteSubscription Subscribe(int capacity = 256);
}
