namespace IotActors.Hocon.Resolving;

/// <summary>Internal signal that a resolution re-entered itself; becomes a <see cref="HoconResolveException"/> unless absorbed.</summary>
internal sealed class CycleException(string path, SourcePosition at) : Exception($"cycle through {path}")
{
    public string CyclePath { get; } = path;

    public SourcePosition At { get; } = at;
}
