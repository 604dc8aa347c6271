using System.Threading.Channels;

namespace IotActors.Home.Site;

/// <summary>One subscriber's bounded event stream; when the subscriber falls behind, the oldest events are dropped and counted.</summary>
public interface ISiteSubscription : IDisposable
{
    /// <summary>The events, oldest first; completes when the subscription is disposed.</summary>
    ChannelReader<SiteEvent> Reader { get; }

    /// <summary>Events dropped because this subscriber was too slow.</summary>
    long Dropped { get; }
}
