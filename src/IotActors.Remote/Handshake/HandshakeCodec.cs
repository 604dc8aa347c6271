using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using System.Text.Unicode;
using IotActors.Remote.Framing;

namespace IotActors.Remote.Handshake;

/// <summary>Encodes and parses Hello and Auth frame bodies. Parsing never throws; it reports a reason.</summary>
internal static class HandshakeCodec
{
    public const byte ProtocolVersion = 1;
    public const int NonceLength = 32;
    public const int MacLength = 32;
    public const int AuthLength = 2 * MacLength;
    public const int MaxRoles = 32;
    public const int MaxHandshakeFrame = 8 * 1024;
    private static ReadOnlySpan<byte> Magic => "IOTA"u8;

    public static void WriteHello(IBufferWriter<byte> writer, HelloMessage hello)
    {
        var body = new ArrayBufferWriter<byte>(256);
        body.Write(Magic);
        body.Write([hello.ProtocolVersion]);
        WriteString8(body, hello.ClusterName);
        WriteString8(body, hello.Identity.System);
        WriteString8(body, hello.Identity.Host);
        Span<byte> number = stackalloc byte[8];
        BinaryPrimitives.WriteUInt16BigEndian(number, (ushort)hello.Identity.Port);
        body.Write(number[..2]);
        BinaryPrimitives.WriteInt64BigEndian(number, hello.Identity.IncarnationId);
        body.Write(number);
        if (hello.Identity.Roles.Count > MaxRoles) throw new ArgumentException($"A node may declare at most {MaxRoles} roles.");
        body.Write([(byte)hello.Identity.Roles.Count]);
        foreach (var role in hello.Identity.Roles) WriteString8(body, role);
        body.Write(hello.Nonce);
        FrameCodec.Write(writer, FrameType.Hello, body.WrittenSpan);
    }

    private static void WriteString8(ArrayBufferWriter<byte> writer, string value)
    {
        int count = Encoding.UTF8.GetByteCount(value);
        if (count > byte.MaxValue) throw new ArgumentException($"'{value[..16]}...' is longer than 255 UTF-8 bytes.");
        writer.Write([(byte)count]);
        int written = Encoding.UTF8.GetBytes(value, writer.GetSpan(count));
        writer.Advance(written);
    }

    /// <summary>Checks a Hello body's layout without allocating; <paramref name="error"/> names the first problem.</summary>
    public static bool TryValidateHello(ReadOnlySpan<byte> body, out string error) => TryParseHello(body, materialize: false, out _, out error);

    public static bool TryParseHello(ReadOnlySpan<byte> body, out HelloMessage hello, out string error) =>
        TryParseHello(body, materialize: true, out hello, out error);

    private static bool TryParseHello(ReadOnlySpan<byte> body, bool materialize, out HelloMessage hello, out string error)
    {
        hello = null!;
        if (body.Length < Magic.Length + 1 || !body[..Magic.Length].SequenceEqual(Magic)) return Fail("not an IotActors hello (bad magic)", out error);
        int pos = Magic.Length;
        byte version = body[pos++];
        if (!TryString8(body, ref pos, out var cluster)) return Fail("hello cluster name is truncated or not UTF-8", out error);
        if (!TryString8(body, ref pos, out var system) || system.Length == 0) return Fail("hello system name is truncated, empty or not UTF-8", out error);
        if (!TryString8(body, ref pos, out var host) || host.Length == 0) return Fail("hello host is truncated, empty or not UTF-8", out error);
        if (body.Length < pos + 11) return Fail("hello port/incarnation/roles is truncated", out error);
        int port = BinaryPrimitives.ReadUInt16BigEndian(body[pos..]);
        long incarnation = BinaryPrimitives.ReadInt64BigEndian(body[(pos + 2)..]);
        int roleCount = body[pos + 10];
        pos += 11;
        if (roleCount > MaxRoles) return Fail("hello declares too many roles", out error);
        Span<(int Start, int Length)> roleRanges = stackalloc (int Start, int Length)[MaxRoles];
        for (int i = 0; i < roleCount; i++)
        {
            if (!TryString8(body, ref pos, out roleRanges[i])) return Fail("hello role is truncated or not UTF-8", out error);
        }
        if (body.Length != pos + NonceLength) return Fail("hello nonce has the wrong length", out error);
        error = "";
        if (!materialize) return true;
        var roles = new string[roleCount];
        for (int i = 0; i < roleCount; i++) roles[i] = Decode(body, roleRanges[i]);
        var identity = new NodeIdentity(Decode(body, system), Decode(body, host), port, incarnation, roles);
        hello = new HelloMessage(version, Decode(body, cluster), identity, body[pos..].ToArray());
        return true;
    }

    private static string Decode(ReadOnlySpan<byte> body, (int Start, int Length) range) =>
        Encoding.UTF8.GetString(body.Slice(range.Start, range.Length));

    private static bool TryString8(ReadOnlySpan<byte> body, ref int pos, out (int Start, int Length) range)
    {
        range = default;
        if (body.Length < pos + 1) return false;
        int length = body[pos];
        if (body.Length < pos + 1 + length) return false;
        range = (pos + 1, length);
        if (!Utf8.IsValid(body.Slice(range.Start, length))) return false;
        pos += 1 + length;
        return true;
    }

    public static bool TryParseAuth(ReadOnlySpan<byte> body, out byte[] secretMac, out byte[] fullMac, out string error)
    {
        secretMac = [];
        fullMac = [];
        if (body.Length != AuthLength) return Fail("auth frame has the wrong length", out error);
        secretMac = body[..MacLength].ToArray();
        fullMac = body[MacLength..].ToArray();
        error = "";
        return true;
    }

    private static bool Fail(string reason, out string error)
    {
        error = reason;
        return false;
    }
}
