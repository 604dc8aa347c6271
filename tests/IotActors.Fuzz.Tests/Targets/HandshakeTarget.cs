using System.Buffers;
using IotActors.Fuzz.Engine;
using IotActors.Remote;
using IotActors.Remote.Framing;
using IotActors.Remote.Handshake;

namespace IotActors.Fuzz.Targets;

/// <summary>The handshake parser: Hello and Auth bodies, bare and inside frames.</summary>
internal sealed class HandshakeTarget : IFuzzTarget
{
    public string Name => "handshake";

    public bool IsText => false;

    public IEnumerable<byte[]> Seeds()
    {
        yield return Hello(new HelloMessage(1, "site", new NodeIdentity("n", "127.0.0.1", 4053, 9, ["sensor", "controller"]), new byte[32]));
        yield return Hello(new HelloMessage(1, "", new NodeIdentity("système", "::1", 0, -1, []), Enumerable.Range(0, 32).Select(i => (byte)i).ToArray()));
        var writer = new ArrayBufferWriter<byte>();
        FrameCodec.Write(writer, FrameType.Auth, new byte[HandshakeCodec.AuthLength]);
        yield return writer.WrittenSpan.ToArray();
    }

    private static byte[] Hello(HelloMessage hello)
    {
        var writer = new ArrayBufferWriter<byte>();
        HandshakeCodec.WriteHello(writer, hello);
        return writer.WrittenSpan.ToArray();
    }

    public FuzzOutcome Run(byte[] input)
    {
        bool ok = false;
        var status = FrameCodec.TryDecode(input, HandshakeCodec.MaxHandshakeFrame, out var type, out int offset, out int length, out _);
        if (status == DecodeStatus.Frame)
        {
            var body = input.AsSpan(offset, length);
            ok = type switch
            {
                FrameType.Hello => Check(HandshakeCodec.TryParseHello(body, out _, out string e1), e1),
                FrameType.Auth => Check(HandshakeCodec.TryParseAuth(body, out _, out _, out string e2), e2),
                _ => false,
            };
        }
        Check(HandshakeCodec.TryValidateHello(input, out string e3), e3);
        Check(HandshakeCodec.TryParseHello(input, out _, out string e4), e4);
        Check(HandshakeCodec.TryParseAuth(input, out _, out _, out string e5), e5);
        return ok ? FuzzOutcome.Accepted : FuzzOutcome.Rejected;
    }

    private static bool Check(bool ok, string error)
    {
        if (!ok && string.IsNullOrEmpty(error)) throw new InvalidOperationException("handshake parser failed without a reason");
        return ok;
    }
}
