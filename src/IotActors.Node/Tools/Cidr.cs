using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace IotActors.Node.Tools;

/// <summary>An IPv4 network such as <c>192.168.1.0/24</c>; scans refuse anything larger than /16.</summary>
internal sealed record Cidr(IPAddress Network, int PrefixLength)
{
    public const int LargestPrefix = 16;

    /// <summary>Parses <c>a.b.c.d/n</c> (or a bare address as /32); throws <see cref="FormatException"/> with an example otherwise.</summary>
    public static Cidr Parse(string text)
    {
        string[] parts = text.Split('/');
        if (parts.Length > 2 || !IPAddress.TryParse(parts[0], out IPAddress? address) || address.AddressFamily != AddressFamily.InterNetwork)
        {
            throw new FormatException($"'{text}' is not an IPv4 CIDR such as 192.168.1.0/24 or 127.0.0.1/32.");
        }
        int prefix = 32;
        if (parts.Length == 2 && (!int.TryParse(parts[1], out prefix) || prefix is < 0 or > 32))
        {
            throw new FormatException($"'{text}': the prefix length must be 0 to 32.");
        }
        if (prefix < LargestPrefix)
        {
            throw new FormatException($"'{text}' has {1L << (32 - prefix)} addresses; scans are limited to /{LargestPrefix} (65536 addresses) or smaller.");
        }
        return new Cidr(new IPAddress(FromUInt(ToUInt(address) & Mask(prefix))), prefix);
    }

    /// <summary>The host addresses: every address for /31 and /32, else without the network and broadcast addresses.</summary>
    public IEnumerable<IPAddress> Hosts()
    {
        uint first = ToUInt(Network), count = (uint)(1L << (32 - PrefixLength));
        uint skip = PrefixLength >= 31 ? 0u : 1u;
        for (uint i = skip; i < count - skip; i++) yield return new IPAddress(FromUInt(first + i));
    }

    /// <summary>The subnet of the first up, non-loopback IPv4 interface, or null.</summary>
    public static Cidr? LocalSubnet()
    {
        foreach (NetworkInterface nic in NetworkInterface.GetAllNetworkInterfaces())
        {
            if (nic.OperationalStatus != OperationalStatus.Up || nic.NetworkInterfaceType == NetworkInterfaceType.Loopback) continue;
            foreach (UnicastIPAddressInformation info in nic.GetIPProperties().UnicastAddresses)
            {
                if (info.Address.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(info.Address))
                {
                    return Parse($"{info.Address}/{info.PrefixLength}");
                }
            }
        }
        return null;
    }

    public override string ToString() => $"{Network}/{PrefixLength}";

    private static uint Mask(int prefix) => prefix == 0 ? 0 : uint.MaxValue << (32 - prefix);

    private static uint ToUInt(IPAddress address)
    {
        byte[] b = address.GetAddressBytes();
        return (uint)(b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3]);
    }

    private static byte[] FromUInt(uint value) => [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];
}
