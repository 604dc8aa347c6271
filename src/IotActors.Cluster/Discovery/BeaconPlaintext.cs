using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Text;
using IotActors.Cluster.Membership;

namespace IotActors.Cluster.Discovery;

/// <summary>Binary encoding of the beacon plaintext (length-prefixed UTF-8 strings, big-endian integers).</summary>
internal static class BeaconPlaintext
{
    private const byte MemberFlag = 1;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static byte[] Encode(DiscoveryBeacon beacon)
    {
        using var ms = new MemoryStream(256);
        WriteString(ms, beacon.ClusterName, nameof(beacon.ClusterName));
        WriteString(ms, beacon.Node.System, nameof(beacon.Node.System));
        WriteString(ms, beacon.Node.Host, nameof(beacon.Node.Host));
        if (beacon.Node.Port is < 0 or > ushort.MaxValue)
        {
            throw new ArgumentException($"Port {beacon.Node.Port} is outside 0..65535.", nameof(beacon));
        }

        Span<byte> buf = stackalloc byte[16];
        BinaryPrimitives.WriteUInt16BigEndian(buf, (ushort)beacon.Node.Port);
        ms.Write(buf[..2]);
        BinaryPrimitives.WriteInt64BigEndian(buf, beacon.Node.Incarnation);
        ms.Write(buf[..8]);
        if (beacon.Roles.Length > byte.MaxValue)
        {
            throw new ArgumentException($"At most {byte.MaxValue} roles fit in a beacon (got {beacon.Roles.Length}).", nameof(beacon));
        }

        ms.WriteByte((byte)beacon.Roles.Length);
        foreach (var role in beacon.Roles)
        {
            WriteString(ms, role, "role");
        }

        ms.WriteByte(beacon.ClusterIncarnation.HasValue ? MemberFlag : (byte)0);
        if (beacon.ClusterIncarnation is { } id)
        {
            id.TryWriteBytes(buf, bigEndian: true, out _);
            ms.Write(buf);
        }

        BinaryPrimitives.WriteUInt64BigEndian(buf, beacon.Counter);
        ms.Write(buf[..8]);
        BinaryPrimitives.WriteInt64BigEndian(buf, beacon.Timestamp.ToUnixTimeMilliseconds());
        ms.Write(buf[..8]);
        return ms.ToArray();
    }

    public static DiscoveryBeacon? TryDecode(ReadOnlySpan<byte> data)
    {
        var r = new Reader(data);
        try
        {
            var cluster = r.String();
            var system = r.String();
            var host = r.String();
            var port = r.UInt16();
            var incarnation = r.Int64();
            var roleCount = r.Byte();
            var roles = ImmutableArray.CreateBuilder<string>(roleCount);
            for (var i = 0; i < roleCount; i++)
            {
                roles.Add(r.String());
            }

            var flags = r.Byte();
            if ((flags & ~MemberFlag) != 0)
            {
                return null;
            }

            Guid? clusterId = (flags & MemberFlag) != 0 ? new Guid(r.Bytes(16), bigEndian: true) : null;
            var counter = r.UInt64();
            var millis = r.Int64();
            if (!r.AtEnd || cluster.Length == 0 || system.Length == 0 || host.Length == 0 ||
                millis < DateTimeOffset.MinValue.ToUnixTimeMilliseconds() || millis > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
            {
                return null;
            }

            return new DiscoveryBeacon(cluster, new UniqueAddress(system, host, port, incarnation), roles.MoveToImmutable(),
                clusterId, counter, DateTimeOffset.FromUnixTimeMilliseconds(millis));
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or DecoderFallbackException)
        {
            return null;
        }
    }

    private static void WriteString(MemoryStream ms, string value, string what)
    {
        var bytes = StrictUtf8.GetBytes(value);
        if (bytes.Length > byte.MaxValue)
        {
            throw new ArgumentException($"The {what} '{value}' is longer than {byte.MaxValue} UTF-8 bytes.", what);
        }

        ms.WriteByte((byte)bytes.Length);
        ms.Write(bytes);
    }

    private ref struct Reader(ReadOnlySpan<byte> data)
    {
        private ReadOnlySpan<byte> _rest = data;

        public readonly bool AtEnd => _rest.IsEmpty;

        public ReadOnlySpan<byte> Bytes(int n)
        {
            if (_rest.Length < n)
            {
                throw new ArgumentOutOfRangeException(nameof(n), "Beacon plaintext ends early.");
            }

            var s = _rest[..n];
            _rest = _rest[n..];
            return s;
        }

        public byte Byte() => Bytes(1)[0];

        public ushort UInt16() => BinaryPrimitives.ReadUInt16BigEndian(Bytes(2));

        public long Int64() => BinaryPrimitives.ReadInt64BigEndian(Bytes(8));

        public ulong UInt64() => BinaryPrimitives.ReadUInt64BigEndian(Bytes(8));

        public string String() => StrictUtf8.GetString(Bytes(Byte()));
    }
}
