namespace IotActors.Hocon;

/// <summary>Merges a stack of resolved values: the top wins, objects merge deeply until a non-object hides the rest.</summary>
internal static class Merger
{
    /// <summary>Merges values given top first; null when the stack is empty.</summary>
    public static HoconValue? MergeStack(IReadOnlyList<HoconValue> topFirst)
    {
        if (topFirst.Count == 0)
        {
            return null;
        }

        if (topFirst[0] is not HoconObject)
        {
            return topFirst[0];
        }

        var objects = new List<HoconObject>();
        foreach (var v in topFirst)
        {
            if (v is HoconObject o)
            {
                objects.Add(o);
            }
            else
            {
                break;
            }
        }

        if (objects.Count == 1)
        {
            return objects[0];
        }

        var keys = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = objects.Count - 1; i >= 0; i--)
        {
            foreach (var k in objects[i].Keys)
            {
                if (seen.Add(k))
                {
                    keys.Add(k);
                }
            }
        }

        var fields = new List<KeyValuePair<string, HoconValue>>(keys.Count);
        var stack = new List<HoconValue>();
        foreach (var k in keys)
        {
            stack.Clear();
            foreach (var o in objects)
            {
                if (o.Fields.TryGetValue(k, out var v))
                {
                    stack.Add(v);
                }
            }

            fields.Add(new(k, MergeStack(stack)!));
        }

        return new HoconObject(fields) { Position = objects[0].Position };
    }
}
