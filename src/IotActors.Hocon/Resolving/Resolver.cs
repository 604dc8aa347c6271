using IotActors.Hocon.Parsing;

namespace IotActors.Hocon.Resolving;

/// <summary>
/// Resolves an unresolved tree lazily: a field's value is its stack of definitions read from the top,
/// objects merging until a non-object hides the rest; substitutions look the path up in the whole document,
/// with the field's own definitions from the current one upwards hidden (self-references).
/// </summary>
internal sealed class Resolver
{
    private readonly UNode _root;
    private readonly Func<string, string?>? _environment;
    private readonly Dictionary<int, HoconValue> _literalMemo = [];
    private readonly HashSet<int> _literalsInProgress = [];
    private readonly HashSet<(int, string)> _substitutionsInProgress = [];

    private Resolver(UNode root, Func<string, string?>? environment)
    {
        _root = root;
        _environment = environment;
    }

    public static HoconValue Resolve(UNode root, Func<string, string?>? environment)
    {
        var resolver = new Resolver(root, environment);
        try
        {
            return resolver.ResolveEntry(ResolveView.Root, [], new Entry(root, null))
                ?? HoconObject.Empty;
        }
        catch (CycleException cycle)
        {
            throw new HoconResolveException($"substitution cycle: {cycle.CyclePath} depends on itself", cycle.At);
        }
    }

    private static string Key(string[] path) => string.Join('\u0001', path);

    private HoconValue? ResolveField(ResolveView view, string[] path, List<Entry> topFirst)
    {
        List<HoconValue>? objects = null;
        foreach (var e in topFirst)
        {
            var v = ResolveEntry(view, path, e);
            if (v is null)
            {
                continue;
            }

            if (v is HoconObject)
            {
                (objects ??= []).Add(v);
                continue;
            }

            if (objects is null)
            {
                return v;
            }

            break;
        }

        return objects is null ? null : Merger.MergeStack(objects);
    }

    /// <summary>Resolves one definition of the field at <paramref name="path"/>; null when it is undefined.</summary>
    private HoconValue? ResolveEntry(ResolveView view, string[] path, Entry e)
    {
        if (e.Value is not null)
        {
            return e.Value;
        }

        switch (e.Node)
        {
            case UScalar s:
                return s.Value;
            case UObject or UArray:
                return ResolveLiteral(view, path, e.Node);
            case USubstitution or UConcat:
                var cut = view.WithCut(Key(path), e.Node.Id);
                return ResolveGuarded(cut, path, e.Node);
            default:
                throw new InvalidOperationException("unknown node");
        }
    }

    private HoconValue? ResolveGuarded(ResolveView view, string[] path, UNode node)
    {
        var key = (node.Id, view.Key);
        if (!_substitutionsInProgress.Add(key))
        {
            throw new CycleException(PathBuilder.Render(path), node.At);
        }

        try
        {
            return node is USubstitution s ? ResolveSubstitution(view, s) : ResolveConcat(view, path, (UConcat)node);
        }
        finally
        {
            _substitutionsInProgress.Remove(key);
        }
    }

    private HoconValue ResolveLiteral(ResolveView view, string[] path, UNode node)
    {
        if (_literalMemo.TryGetValue(node.Id, out var memo))
        {
            return memo;
        }

        if (!_literalsInProgress.Add(node.Id))
        {
            throw new CycleException(PathBuilder.Render(path), node.At);
        }

        try
        {
            HoconValue result;
            if (node is UObject o)
            {
                var fields = new List<KeyValuePair<string, HoconValue>>(o.Keys.Count);
                foreach (var k in o.Keys)
                {
                    string[] childPath = [.. path, k];
                    var entries = view.Apply(Key(childPath), StackOf(o, k));
                    var v = ResolveField(view, childPath, entries);
                    if (v is not null)
                    {
                        fields.Add(new(k, v));
                    }
                }

                result = new HoconObject(fields) { Position = o.At };
            }
            else
            {
                var a = (UArray)node;
                var items = new List<HoconValue>(a.Items.Count);
                for (int i = 0; i < a.Items.Count; i++)
                {
                    var v = ResolveInside(view, [.. path, "\0[" + i + "]"], a.Items[i]);
                    if (v is not null)
                    {
                        items.Add(v);
                    }
                }

                result = new HoconArray(items) { Position = a.At };
            }

            _literalMemo[node.Id] = result;
            return result;
        }
        finally
        {
            _literalsInProgress.Remove(node.Id);
        }
    }

    /// <summary>Resolves a node that is not a field definition (an array item or a concatenation part).</summary>
    private HoconValue? ResolveInside(ResolveView view, string[] path, UNode node) => node switch
    {
        UScalar s => s.Value,
        UObject or UArray => ResolveLiteral(view, path, node),
        _ => ResolveGuarded(view, path, node),
    };

    private static List<Entry> StackOf(UObject o, string key)
    {
        var stack = o.Fields[key];
        var entries = new List<Entry>(stack.Count);
        for (int i = stack.Count - 1; i >= 0; i--)
        {
            entries.Add(new Entry(stack[i], null));
        }

        return entries;
    }

    private HoconValue? ResolveConcat(ResolveView view, string[] path, UConcat concat)
    {
        var parts = new List<(HoconValue, bool)>(concat.Parts.Count);
        foreach (var p in concat.Parts)
        {
            var v = p is USubstitution s ? ResolveSubstitution(view, s) : ResolveInside(view, path, p);
            if (v is not null)
            {
                parts.Add((v, p is UScalar { IsWhitespace: true }));
            }
        }

        var joined = Concatenation.Join(parts, concat.At);
        return joined is null || joined.Position.Line > 0 ? joined : joined.At(concat.At);
    }

    private HoconValue? ResolveSubstitution(ResolveView view, USubstitution s)
    {
        try
        {
            HoconValue? v = null;
            if (s.Prefix.Length > 0)
            {
                v = Lookup(view, [.. s.Prefix, .. s.Path]);
            }

            v ??= Lookup(view, s.Path);
            if (v is null && _environment is not null && _environment(string.Join('.', s.Path)) is { } env)
            {
                v = new HoconString(env) { Position = s.At };
            }

            if (v is null && !s.Optional)
            {
                throw new HoconResolveException($"could not resolve substitution {s.Text}: no such path in the configuration{(_environment is null ? "" : " nor environment variable")}", s.At);
            }

            return v;
        }
        catch (CycleException) when (s.Optional)
        {
            return null;
        }
    }

    private HoconValue? Lookup(ResolveView view, string[] path)
    {
        var entries = new List<Entry> { new(_root, null) };
        for (int i = 0; i < path.Length; i++)
        {
            string[] parentPath = path[..i];
            entries = ChildEntries(view, parentPath, entries, path[i]);
            entries = view.Apply(Key(path[..(i + 1)]), entries);
            if (entries.Count == 0)
            {
                return null;
            }
        }

        return ResolveField(view, path, entries);
    }

    private List<Entry> ChildEntries(ResolveView view, string[] parentPath, List<Entry> parentTopFirst, string key)
    {
        var result = new List<Entry>();
        foreach (var e in parentTopFirst)
        {
            if (e.Value is null && e.Node is UObject o)
            {
                if (o.Fields.ContainsKey(key))
                {
                    result.AddRange(StackOf(o, key));
                }

                continue;
            }

            if (e.Value is null && e.Node is UScalar or UArray)
            {
                break;
            }

            HoconValue? v;
            try
            {
                v = ResolveEntry(view, parentPath, e);
            }
            catch (CycleException)
            {
                continue;
            }

            if (v is null)
            {
                continue;
            }

            if (v is not HoconObject ro)
            {
                break;
            }

            if (ro[key] is { } child)
            {
                result.Add(new Entry(null, child));
            }
        }

        return result;
    }
}
