using Microsoft.Extensions.Configuration;

namespace IotActors.Hosting;

/// <summary>Settings of a node (<c>iotactors.node</c> and <c>iotactors.system-name</c>), validated when read.</summary>
public sealed record NodeOptions
{
    /// <summary>Name of the actor system; every node of a cluster uses the same one.</summary>
    public string SystemName { get; init; } = "iotactors";

    /// <summary>This node's name, unique in the site; defaults to the host name.</summary>
    public string Name { get; init; } = Environment.MachineName.ToLowerInvariant();

    /// <summary>Folder for the node's databases, certificate and keys.</summary>
    public string DataDirectory { get; init; } = "data";

    /// <summary>Roles the node declares (controller, sensor, actuator, gateway, dashboard).</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>How often the node logs that it is alive; zero turns the line off.</summary>
    public TimeSpan HeartbeatLogInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a shutdown may take before the node gives up waiting for actors.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The roles a node may declare.</summary>
    public static IReadOnlyList<string> KnownRoles { get; } = ["controller", "sensor", "actuator", "gateway", "dashboard", "api"];

    /// <summary>Reads and validates the node settings from configuration.</summary>
    public static NodeOptions From(IConfiguration configuration)
    {
        var root = new SettingsReader(configuration, "iotactors");
        var node = root.Section("node");
        var defaults = new NodeOptions();
        string systemName = root.String("system-name", defaults.SystemName);
        if (systemName.Length == 0 || systemName.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            throw new InvalidSettingException(root.KeyOf("system-name"), systemName, "letters, digits, '-' and '_'");
        }

        IReadOnlyList<string> roles = node.StringList("roles", []);
        foreach (string role in roles)
        {
            if (!KnownRoles.Contains(role))
            {
                throw new InvalidSettingException(node.KeyOf("roles"), role, $"each role one of {string.Join(", ", KnownRoles)}");
            }
        }

        string name = node.String("name", defaults.Name);
        if (name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
        {
            throw new InvalidSettingException(node.KeyOf("name"), name, "letters, digits, '-', '_' and '.'");
        }

        return new NodeOptions
        {
            SystemName = systemName,
            Name = name,
            DataDirectory = node.String("data-dir", defaults.DataDirectory),
            Roles = roles,
            HeartbeatLogInterval = node.Duration("heartbeat-log-interval", defaults.HeartbeatLogInterval),
            ShutdownTimeout = node.Duration("shutdown-timeout", defaults.ShutdownTimeout, TimeSpan.FromMilliseconds(100)),
        };
    }
}
