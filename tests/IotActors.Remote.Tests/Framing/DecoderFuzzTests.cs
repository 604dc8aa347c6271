using System.Buffers;
using IotActors.Remote.Framing;
using IotActors.Remote.Handshake;

namespace IotActors.Remote.Tests.Framing;

public sealed class DecoderFuzzTests
{
    private const int Iterations = 1_000_000;

    private static byte[][] Seeds()
    {
        var writer = new ArrayBufferWriter<byte>();
        EnvelopeCodec.WriteFrame(writer, new RemoteEnvelope("/user/a", "/user/b", "test.Ping", new byte[] { 1, 2, 3, 4 }, true), 3);
        var envelope = writer.WrittenSpan.ToArray();
        writer.ResetWrittenCount();
        HandshakeCodec.WriteHello(writer, new HelloMessage(1, "site", new NodeIdentity("n", "127.0.0.1", 4053, 9, ["sensor", "controller"]), new byte[32]));
        var hello = writer.WrittenSpan.ToArray();
        return [envelope, hello, [0, 0, 0, 9, 4, 0, 0, 0, 0, 0, 0, 0, 1], [0, 0, 0, 1, 5]];
    }

    [Fact]
    public void Frame_envelope_and_hello_decoders_survive_a_million_random_and_mutated_inputs()
    {
        var random = new Random(20261121);
        var seeds = Seeds();
        var input = new byte[512];
        long frames = 0, errors = 0;
        for (int i = 0; i < Iterations; i++)
        {
            int length;
            if ((i & 1) == 0)
            {
                length = random.Next(0, 96);
                random.NextBytes(input.AsSpan(0, length));
            }
            else
            {
                var seed = seeds[random.Next(seeds.Length)];
                length = Math.Min(input.Length, Math.Max(0, seed.Length + random.Next(-4, 5)));
                seed.AsSpan(0, Math.Min(seed.Length, length)).CopyTo(input);
                for (int m = random.Next(1, 4); m > 0 && length > 0; m--) input[random.Next(length)] ^= (byte)random.Next(1, 256);
            }
            var span = input.AsSpan(0, length);
            var status = FrameCodec.TryDecode(span, 4096, out var type, out int offset, out int bodyLength, out var error);
            if (status == DecodeStatus.Error)
            {
                errors++;
                error.Should().NotBe(FrameError.None);
                continue;
            }
            if (status != DecodeStatus.Frame) continue;
            frames++;
            var body = span.Slice(offset, bodyLength);
            if (type == FrameType.Envelope) EnvelopeCodec.TryParseLayout(body, out _, out _);
            else if (type == FrameType.Hello) HandshakeCodec.TryValidateHello(body, out _);
            // Raw bodies straight into the body parsers as well.
            EnvelopeCodec.TryParseLayout(span, out _, out _);
            HandshakeCodec.TryValidateHello(span, out _);
        }
        frames.Should().BeGreaterThan(1000);
        errors.Should().BeGreaterThan(1000);
    }

    [Fact]
    public void Sequence_decoder_fed_random_streams_in_random_chunks_only_reports_frame_errors()
    {
        var random = new Random(7);
        var data = new byte[4096];
        for (int run = 0; run < 2000; run++)
        {
            random.NextBytes(data);
            var seeds = Seeds();
            seeds[random.Next(seeds.Length)].CopyTo(data, 0);
            int available = random.Next(0, data.Length);
            var buffer = new ReadOnlySequence<byte>(data, 0, available);
            for (int guard = 0; guard < 10_000; guard++)
            {
                var status = FrameCodec.TryDecode(ref buffer, 1024, out _, out _, out var error, out _);
                if (status == DecodeStatus.Frame) continue;
                if (status == DecodeStatus.Error) error.Should().NotBe(FrameError.None);
                break;
            }
        }
    }
}
