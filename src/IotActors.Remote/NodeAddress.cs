using System.Globalization;

namespace IotActors.Remote;

/// <summary>The network address of a node, written <c>iot://system@host:port</c>.</summary>
public sealed record NodeAddress(string System, string Host, int Port)
{
    /// <summary>The URI scheme used for node addresses.</summary>
    public const string Scheme = "iot://";

    /// <summary>Parses an address string, throwing <see cref="FormatException"/> with the reason when it is malformed.</summary>
    public static NodeAddress Parse(string text) =>
        TryParse(text, out var address, out var error) ? address : throw new FormatException(error);

    /// <summary>Tries to parse <c>iot://system@host:port</c>; on failure <paramref name="error"/> says why.</summary>
    public static bool TryParse(string? text, out NodeAddress address, out string error)
    {
        address = null!;
        if (string.IsNullOrEmpty(text) || !text.StartsWith(Scheme, StringComparison.Ordinal))
        {
            error = $"Node address '{text}' must start with '{Scheme}'.";
            return false;
        }
        var rest = text.AsSpan(Scheme.Length);
        int at = rest.IndexOf('@');
        int colon = rest.LastIndexOf(':');
        if (at <= 0 || colon <= at + 1 || colon == rest.Length - 1)
        {
            error = $"Node address '{text}' must look like iot://system@host:port.";
            return false;
        }
        if (!int.TryParse(rest[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port is < 0 or > 65535)
        {
            error = $"Node address '{text}' has an invalid port.";
            return false;
        }
        var host = rest[(at + 1)..colon].ToString();
        if (host.StartsWith('[') && host.EndsWith(']')) host = host[1..^1];
        address = new NodeAddress(rest[..at].ToString(), host, port);
        error = "";
        return true;
    }

    /// <summary>Orders addresses ordinally by their string form; used to break ties deterministically.</summary>
    public static int CompareOrdinal(NodeAddress a, NodeAddress b) => string.CompareOrdinal(a.ToString(), b.ToString());

    /// <inheritdoc />
    public override string ToString() =>
        Host.Contains(':') ? $"{Scheme}{System}@[{Host}]:{Port}" : $"{Scheme}{System}@{Host}:{Port}";
}
