using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace IotActors.Cluster.Discovery;

/// <summary>Turns the configured discovery targets into endpoints; no targets means every up IPv4 interface's broadcast address.</summary>
public static class DiscoveryTargets
{
    /// <summary>Parses <c>host</c> or <c>host:port</c> entries (IP addresses only); an entry without a port uses <paramref name="port"/>.</summary>
    /// <exception cref="FormatException">An entry is not an IP address with an optional port.</exception>
    public static IReadOnlyList<IPEndPoint> Parse(IEnumerable<string> entries, int port)
    {
        var result = new List<IPEndPoint>();
        foreach (var raw in entries)
        {
            var entry = raw.Trim();
            if (IPAddress.TryParse(entry, out var address))
            {
                result.Add(new IPEndPoint(address, port));
            }
            else if (IPEndPoint.TryParse(entry, out var endpoint) && endpoint.Port > 0)
            {
                result.Add(endpoint);
            }
            else
            {
                throw new FormatException($"Discovery target '{raw}' must be an IP address or address:port, such as 192.168.1.255 or 239.255.40.54:4054.");
            }
        }

        return result;
    }

    /// <summary>The broadcast address of every up, non-loopback IPv4 interface, plus 255.255.255.255 (real deployments only).</summary>
    public static IReadOnlyList<IPEndPoint> Automatic(int port)
    {
        var result = new List<IPEndPoint>();
        foreach (var nic in NetworkInterface.GetAllNetworkInterfaces().Where(n => n.OperationalStatus == OperationalStatus.Up))
        {
            if (nic.NetworkInterfaceType == NetworkInterfaceType.Loopback)
            {
                continue;
            }

            foreach (var unicast in nic.GetIPProperties().UnicastAddresses.Where(u => u.Address.AddressFamily == AddressFamily.InterNetwork))
            {
                var ip = unicast.Address.GetAddressBytes();
                var mask = unicast.IPv4Mask.GetAddressBytes();
                var broadcast = new byte[4];
                for (var i = 0; i < 4; i++)
                {
                    broadcast[i] = (byte)(ip[i] | ~mask[i]);
                }

                var endpoint = new IPEndPoint(new IPAddress(broadcast), port);
                if (!result.Contains(endpoint))
                {
                    result.Add(endpoint);
                }
            }
        }

        result.Add(new IPEndPoint(IPAddress.Broadcast, port));
        return result;
    }
}
