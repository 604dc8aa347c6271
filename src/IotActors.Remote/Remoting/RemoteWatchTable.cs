using IotActors.Actors;

namespace IotActors.Remote;

/// <summary>Who watches what across nodes: local watchers of remote actors, and remote watchers of local actors.</summary>
/// <remarks>Thread-safe (one lock); callers send the notifications outside it.</remarks>
internal sealed class RemoteWatchTable
{
    private readonly object _gate = new();
    private readonly Dictionary<RemoteActorRef, HashSet<IActorRef>> _watching = new();
    private readonly HashSet<(IActorRef Watchee, RemoteActorRef Watcher)> _watchedBy = new();

    /// <summary>A local <paramref name="watcher"/> now watches the remote <paramref name="watchee"/>.</summary>
    public void AddWatching(RemoteActorRef watchee, IActorRef watcher)
    {
        lock (_gate)
        {
            if (!_watching.TryGetValue(watchee, out var watchers)) _watching[watchee] = watchers = new HashSet<IActorRef>();
            watchers.Add(watcher);
        }
    }

    /// <summary>Forgets one watch of a remote actor; true if it was recorded.</summary>
    public bool RemoveWatching(RemoteActorRef watchee, IActorRef watcher) => TakeWatching(watchee, watcher) is not null;

    /// <summary>Forgets the watch matching a terminated actor and returns the ref as it was watched (a path without uid matches any uid).</summary>
    public RemoteActorRef? TakeWatching(RemoteActorRef terminated, IActorRef watcher)
    {
        lock (_gate)
        {
            foreach (var (watchee, watchers) in _watching)
            {
                if (!watchee.Path.Equals(terminated.Path) || (watchee.Path.Uid != 0 && watchee.Path.Uid != terminated.Path.Uid)) continue;
                if (!watchers.Remove(watcher)) continue;
                if (watchers.Count == 0) _watching.Remove(watchee);
                return watchee;
            }
            return null;
        }
    }

    /// <summary>A remote <paramref name="watcher"/> now watches the local <paramref name="watchee"/>.</summary>
    public void AddWatchedBy(IActorRef watchee, RemoteActorRef watcher)
    {
        lock (_gate) _watchedBy.Add((watchee, watcher));
    }

    /// <summary>Forgets one remote watch of a local actor.</summary>
    public void RemoveWatchedBy(IActorRef watchee, RemoteActorRef watcher)
    {
        lock (_gate) _watchedBy.Remove((watchee, watcher));
    }

    /// <summary>Removes and returns every watch involving a node that matches <paramref name="isGone"/>.</summary>
    public (List<(RemoteActorRef Watchee, IActorRef Watcher)> Watching, List<(IActorRef Watchee, RemoteActorRef Watcher)> WatchedBy)
        RemoveNode(Func<RemoteNode, bool> isGone)
    {
        var watching = new List<(RemoteActorRef, IActorRef)>();
        var watchedBy = new List<(IActorRef, RemoteActorRef)>();
        lock (_gate)
        {
            foreach (var (watchee, watchers) in _watching.Where(e => isGone(e.Key.Node)).ToList())
            {
                foreach (var watcher in watchers) watching.Add((watchee, watcher));
                _watching.Remove(watchee);
            }
            foreach (var pair in _watchedBy.Where(p => isGone(p.Watcher.Node)).ToList())
            {
                watchedBy.Add(pair);
                _watchedBy.Remove(pair);
            }
        }
        return (watching, watchedBy);
    }

    /// <summary>Number of recorded watches in both directions (tests).</summary>
    public int Count
    {
        get
        {
            lock (_gate) return _watching.Values.Sum(w => w.Count) + _watchedBy.Count;
        }
    }
}
