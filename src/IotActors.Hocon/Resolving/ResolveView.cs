namespace IotActors.Hocon.Resolving;

/// <summary>
/// The document as seen while resolving one definition: for some paths, the definitions from a given one
/// upwards are hidden, so a self-reference sees only what was defined before it.
/// </summary>
internal sealed class ResolveView
{
    private readonly (string Path, int DefinitionId)[] _cuts;

    private ResolveView((string Path, int DefinitionId)[] cuts)
    {
        _cuts = cuts;
        Key = string.Join(';', cuts.Select(c => c.Path + "#" + c.DefinitionId));
    }

    public static ResolveView Root { get; } = new([]);

    public string Key { get; }

    public bool IsRoot => _cuts.Length == 0;

    public ResolveView WithCut(string path, int definitionId)
    {
        if (_cuts.Contains((path, definitionId)))
        {
            return this;
        }

        return new ResolveView([.. _cuts, (path, definitionId)]);
    }

    /// <summary>Drops the entries (top first) hidden at <paramref name="path"/>.</summary>
    public List<Entry> Apply(string path, List<Entry> topFirst)
    {
        foreach (var (p, id) in _cuts)
        {
            if (p != path)
            {
                continue;
            }

            int index = topFirst.FindIndex(e => e.Node?.Id == id);
            if (index >= 0)
            {
                topFirst = topFirst.GetRange(index + 1, topFirst.Count - index - 1);
            }
        }

        return topFirst;
    }
}
