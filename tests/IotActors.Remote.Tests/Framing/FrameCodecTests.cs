using System.Buffers;
using IotActors.Remote.Framing;

namespace IotActors.Remote.Tests.Framing;

public sealed class FrameCodecTests
{
    private static ReadOnlySequence<byte> Seq(byte[] bytes) => new(bytes);

    [Fact]
    public void Envelope_round_trips_through_encoder_and_decoder()
    {
        var writer = new ArrayBufferWriter<byte>();
        var sent = new RemoteEnvelope("/user/fan", "/user/ctl", "test.Ping", new byte[] { 1, 2, 3 }, IsSystem: true);
        EnvelopeCodec.WriteFrame(writer, sent, 7);
        var buffer = Seq(writer.WrittenSpan.ToArray());

        FrameCodec.TryDecode(ref buffer, 1024, out var type, out var body, out _, out _).Should().Be(DecodeStatus.Frame);

        type.Should().Be(FrameType.Envelope);
        buffer.Length.Should().Be(0);
        EnvelopeCodec.TryDecode(body.ToArray(), out var got, out _).Should().BeTrue();
        got.RecipientPath.Should().Be("/user/fan");
        got.SenderPath.Should().Be("/user/ctl");
        got.Manifest.Should().Be("test.Ping");
        got.Payload.ToArray().Should().Equal(1, 2, 3);
        got.IsSystem.Should().BeTrue();
        got.SeqNr.Should().Be(7);
    }

    [Fact]
    public void Partial_frame_needs_more_data_and_consumes_nothing()
    {
        var writer = new ArrayBufferWriter<byte>();
        FrameCodec.Write(writer, FrameType.Heartbeat, [9, 9, 9]);
        var bytes = writer.WrittenSpan.ToArray();
        for (int cut = 0; cut < bytes.Length; cut++)
        {
            var buffer = Seq(bytes[..cut]);
            FrameCodec.TryDecode(ref buffer, 1024, out _, out _, out _, out _).Should().Be(DecodeStatus.NeedMoreData);
            buffer.Length.Should().Be(cut);
        }
    }

    [Theory]
    [InlineData(new byte[] { 0, 0, 0, 0, 1 }, FrameError.EmptyFrame)]
    [InlineData(new byte[] { 0x7F, 0xFF, 0xFF, 0xFF }, FrameError.Oversized)]
    [InlineData(new byte[] { 0, 0, 4, 1, 3 }, FrameError.Oversized)]
    [InlineData(new byte[] { 0, 0, 0, 1, 0xEE }, FrameError.UnknownType)]
    [InlineData(new byte[] { 0, 0, 0, 1, 0 }, FrameError.UnknownType)]
    public void Bad_headers_are_rejected_with_the_specific_reason(byte[] bytes, FrameError expected)
    {
        var buffer = Seq(bytes);
        FrameCodec.TryDecode(ref buffer, 1024, out _, out _, out var error, out _).Should().Be(DecodeStatus.Error);
        error.Should().Be(expected);
    }

    [Fact]
    public void Oversized_description_names_sizes()
    {
        FrameCodec.Describe(FrameError.Oversized, 5000, 1024).Should().Contain("5000").And.Contain("1024");
    }

    [Theory]
    [InlineData(new byte[] { })]
    [InlineData(new byte[] { 4 })]
    [InlineData(new byte[] { 1, 0, 0 })]
    [InlineData(new byte[] { 0, 0, 3, (byte)'/', (byte)'a' })]
    [InlineData(new byte[] { 0, 0, 1, (byte)'/', 0 })]
    [InlineData(new byte[] { 0, 0, 1, 0xFF, 1, (byte)'m' })]
    public void Malformed_envelope_bodies_are_rejected_with_a_reason(byte[] body)
    {
        EnvelopeCodec.TryDecode(body, out _, out var error).Should().BeFalse();
        error.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public void Frames_split_across_segments_decode()
    {
        var writer = new ArrayBufferWriter<byte>();
        EnvelopeCodec.WriteFrame(writer, new RemoteEnvelope("/a", null, "m", new byte[100]), 0);
        EnvelopeCodec.WriteFrame(writer, new RemoteEnvelope("/b", null, "m", new byte[3]), 0);
        var bytes = writer.WrittenSpan.ToArray();
        var first = new Segment(bytes.AsMemory(0, 7));
        var last = first.Append(bytes.AsMemory(7));
        var buffer = new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);

        FrameCodec.TryDecode(ref buffer, 1024, out _, out var body1, out _, out _).Should().Be(DecodeStatus.Frame);
        FrameCodec.TryDecode(ref buffer, 1024, out _, out var body2, out _, out _).Should().Be(DecodeStatus.Frame);

        EnvelopeCodec.TryDecode(body1.ToArray(), out var e1, out _).Should().BeTrue();
        EnvelopeCodec.TryDecode(body2.ToArray(), out var e2, out _).Should().BeTrue();
        e1.RecipientPath.Should().Be("/a");
        e2.RecipientPath.Should().Be("/b");
        buffer.Length.Should().Be(0);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory) => Memory = memory;

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory) { RunningIndex = RunningIndex + Memory.Length };
            Next = next;
            return next;
        }
    }
}
