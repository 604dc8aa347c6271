using System.Globalization;

namespace IotActors.Actors;

/// <summary>The location of an actor system: <c>iot://system</c> locally or <c>iot://system@host:port</c> when reachable remotely.</summary>
public sealed record Address(string Protocol, string System, string? Host = null, int? Port = null)
{
    /// <summary>The protocol scheme used by IotActors addresses.</summary>
    public const string DefaultProtocol = "iot";

    /// <summary>True when the address has no host and port, i.e. it only names a local system.</summary>
    public bool HasLocalScope => Host is null;

    /// <summary>Creates the local address <c>iot://system</c>.</summary>
    public static Address Local(string system) => new(DefaultProtocol, system);

    /// <inheritdoc />
    public override string ToString() => Host is null
        ? $"{Protocol}://{System}"
        : $"{Protocol}://{System}@{Host}:{Port?.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Parses <c>protocol://system[@host:port]</c>; throws <see cref="FormatException"/> with the reason on bad input.</summary>
    public static Address Parse(string text)
    {
        if (!TryParse(text, out var address, out var error))
        {
            throw new FormatException($"Invalid actor system address '{text}': {error}.");
        }
        return address;
    }

    /// <summary>Tries to parse <c>protocol://system[@host:port]</c>.</summary>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Address? address)
        => TryParse(text, out address, out _);

    internal static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Address? address, out string error)
    {
        address = null;
        if (string.IsNullOrEmpty(text)) { error = "empty"; return false; }
        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0) { error = "missing 'protocol://'"; return false; }
        var protocol = text[..schemeEnd];
        var rest = text[(schemeEnd + 3)..];
        if (rest.Contains('/')) { error = "an address must not contain a path"; return false; }
        var at = rest.IndexOf('@');
        if (at < 0)
        {
            if (!ActorPath.IsValidSystemName(rest)) { error = $"invalid system name '{rest}'"; return false; }
            address = new Address(protocol, rest);
            error = "";
            return true;
        }
        var system = rest[..at];
        if (!ActorPath.IsValidSystemName(system)) { error = $"invalid system name '{system}'"; return false; }
        var hostPort = rest[(at + 1)..];
        var colon = hostPort.LastIndexOf(':');
        if (colon <= 0) { error = "missing ':port' after host"; return false; }
        var host = hostPort[..colon];
        if (host.StartsWith('[') && host.EndsWith(']')) { host = host[1..^1]; }
        if (host.Length == 0) { error = "empty host"; return false; }
        if (!int.TryParse(hostPort.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            error = $"invalid port '{hostPort[(colon + 1)..]}' (0-65535)";
            return false;
        }
        address = new Address(protocol, system, host, port);
        error = "";
        return true;
    }
}
