using Microsoft.Extensions.Configuration;

namespace IotActors.Hocon;

/// <summary>A configuration source that reads a HOCON file.</summary>
public sealed class HoconConfigurationSource : IConfigurationSource
{
    /// <summary>The file to read.</summary>
    public required string Path { get; init; }

    /// <summary>Whether a missing file is allowed (it then contributes nothing).</summary>
    public bool Optional { get; init; }

    /// <summary>Options for parsing (environment fallback for substitutions, etc.).</summary>
    public HoconParseOptions? Options { get; init; }

    /// <inheritdoc />
    public IConfigurationProvider Build(IConfigurationBuilder builder) => new HoconConfigurationProvider(this);
}
