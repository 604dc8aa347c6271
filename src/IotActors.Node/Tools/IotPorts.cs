namespace IotActors.Node.Tools;

/// <summary>TCP ports typical of IoT devices and of IotActors itself, with their service names.</summary>
internal static class IotPorts
{
    public static IReadOnlyDictionary<int, string> Known { get; } = new Dictionary<int, string>
    {
        [22] = "ssh",
        [80] = "http",
        [443] = "https",
        [502] = "modbus",
        [554] = "rtsp",
        [1880] = "node-red",
        [1883] = "mqtt",
        [4053] = "iotactors-node",
        [8080] = "http-alt / iotactors-api",
        [8123] = "home-assistant",
        [8883] = "mqtt-tls",
        [50010] = "iotactors-gateway-tcp",
    };

    /// <summary>Ports scanned when none are given.</summary>
    public static IReadOnlyList<int> Default { get; } = Known.Keys.Order().ToArray();

    /// <summary>The service name of a port, or empty.</summary>
    public static string NameOf(int port) => Known.TryGetValue(port, out string? name) ? name : "";

    /// <summary>Parses <c>22,80,8000-8010</c>; throws <see cref="FormatException"/> with an example on bad input.</summary>
    public static IReadOnlyList<int> Parse(string text)
    {
        var ports = new SortedSet<int>();
        foreach (string part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            string[] range = part.Split('-');
            if (range.Length > 2 || !int.TryParse(range[0], out int from) || !int.TryParse(range[^1], out int to) || from < 1 || to > 65535 || from > to)
            {
                throw new FormatException($"'{part}' is not a port or range; use e.g. --ports 22,80,8000-8010 (1 to 65535).");
            }
            for (int p = from; p <= to; p++) ports.Add(p);
        }
        return ports.Count > 0 ? ports.ToArray() : throw new FormatException("--ports names no port; use e.g. --ports 22,80,1883.");
    }
}
