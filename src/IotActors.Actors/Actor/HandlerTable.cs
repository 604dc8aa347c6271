namespace IotActors.Actors;

/// <summary>Ordered typed handlers with a per-message-type cache of the applicable entries.</summary>
internal sealed class HandlerTable
{
    private readonly List<Entry> _entries = new(4);
    private Dictionary<Type, Entry[]>? _cache;
    private Type? _lastType;
    private Entry[]? _lastEntries;
    private bool _sealed;

    internal abstract class Entry
    {
        public abstract Type MessageType { get; }
        public abstract bool TryHandle(object message);
    }

    private sealed class Entry<T>(Func<T, bool>? predicate, Action<T> handler) : Entry
    {
        public override Type MessageType => typeof(T);
        public override bool TryHandle(object message)
        {
            var m = (T)message;
            if (predicate is not null && !predicate(m)) { return false; }
            handler(m);
            return true;
        }
    }

    private sealed class AsyncEntry<T>(Func<T, bool>? predicate, Func<T, Task> handler, ActorCell cell) : Entry
    {
        public override Type MessageType => typeof(T);
        public override bool TryHandle(object message)
        {
            var m = (T)message;
            if (predicate is not null && !predicate(m)) { return false; }
            cell.AwaitTask(handler(m));
            return true;
        }
    }

    public void Add<T>(Func<T, bool>? predicate, Action<T> handler)
    {
        EnsureOpen();
        _entries.Add(new Entry<T>(predicate, handler));
    }

    public void AddAsync<T>(Func<T, bool>? predicate, Func<T, Task> handler, ActorCell cell)
    {
        EnsureOpen();
        _entries.Add(new AsyncEntry<T>(predicate, handler, cell));
    }

    public void Seal() => _sealed = true;

    private void EnsureOpen()
    {
        if (_sealed)
        {
            throw new IllegalActorStateException("Receive handlers can only be registered in the constructor or inside a Become(Action) configuration.");
        }
    }

    public bool Handle(object message)
    {
        var type = message.GetType();
        Entry[] entries;
        if (ReferenceEquals(type, _lastType)) { entries = _lastEntries!; }
        else
        {
            _cache ??= new Dictionary<Type, Entry[]>();
            if (!_cache.TryGetValue(type, out entries!))
            {
                var list = new List<Entry>();
                foreach (var e in _entries) { if (e.MessageType.IsAssignableFrom(type)) { list.Add(e); } }
                entries = list.ToArray();
                _cache[type] = entries;
            }
            _lastType = type;
            _lastEntries = entries;
        }
        for (var i = 0; i < entries.Length; i++)
        {
            if (entries[i].TryHandle(message)) { return true; }
        }
        return false;
    }
}
