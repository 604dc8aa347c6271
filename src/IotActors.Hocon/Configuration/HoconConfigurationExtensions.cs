using Microsoft.Extensions.Configuration;

namespace IotActors.Hocon;

/// <summary>Adds HOCON files to an <see cref="IConfigurationBuilder"/>.</summary>
public static class HoconConfigurationExtensions
{
    /// <summary>Adds a HOCON file (a relative path is taken from the current directory); later sources (environment variables, command line) override its keys.</summary>
    public static IConfigurationBuilder AddHoconFile(this IConfigurationBuilder builder, string path, bool optional = false, HoconParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(path);
        string full = System.IO.Path.IsPathRooted(path) ? path : System.IO.Path.GetFullPath(path);
        return builder.Add(new HoconConfigurationSource { Path = full, Optional = optional, Options = options });
    }
}
