using System.Collections.Concurrent;
using System.Threading.Channels;

namespace IotActors.Home.Site;

/// <summary>Fans published site events out to every subscriber's bounded channel (drop-oldest, counted).</summary>
/// <remarks>Thread-safe; <see cref="Publish"/> never blocks, so a slow subscriber cannot slow the publisher or other subscribers.</remarks>
public sealed class SiteEventHub : ISiteEvents
{
    private readonly ConcurrentDictionary<Subscription, byte> _subscribers = new();
    private long _dropped;

    /// <summary>Subscribers currently attached.</summary>
    public int SubscriberCount => _subscribers.Count;

    /// <summary>Events dropped over all subscribers since start.</summary>
    public long DroppedTotal => Interlocked.Read(ref _dropped);

    /// <summary>Delivers <paramref name="siteEvent"/> to every subscriber.</summary>
    public void Publish(SiteEvent siteEvent)
    {
        ArgumentNullException.ThrowIfNull(siteEvent);
        foreach (Subscription subscription in _subscribers.Keys)
        {
            subscription.Write(siteEvent);
        }
    }

    /// <inheritdoc />
    public ISiteSubscription Subscribe(int capacity = 256)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        var subscription = new Subscription(this, capacity);
        _subscribers[subscription] = 0;
        return subscription;
    }

    private sealed class Subscription : ISiteSubscription
    {
        private readonly SiteEventHub _hub;
        private readonly Channel<SiteEvent> _channel;
        private long _dropped;

        public Subscription(SiteEventHub hub, int capacity)
        {
            _hub = hub;
            _channel = Channel.CreateBounded<SiteEvent>(
                new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
                _ =>
                {
                    Interlocked.Increment(ref _dropped);
                    Interlocked.Increment(ref _hub._dropped);
                });
        }

        public ChannelReader<SiteEvent> Reader => _channel.Reader;

        public long Dropped => Interlocked.Read(ref _dropped);

        public void Write(SiteEvent siteEvent) => _channel.Writer.TryWrite(siteEvent);

        public void Dispose()
        {
            _hub._subscribers.TryRemove(this, out _);
            _channel.Writer.TryComplete();
        }
    }
}
