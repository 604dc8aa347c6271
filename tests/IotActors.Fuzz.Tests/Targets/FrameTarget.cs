using System.Buffers;
using System.IO.Pipelines;
using IotActors.Fuzz.Engine;
using IotActors.Remote;
using IotActors.Remote.Framing;

namespace IotActors.Fuzz.Targets;

/// <summary>The remote frame decoder (span, sequence and <see cref="FrameReader"/> paths) and the envelope body parser.</summary>
internal sealed class FrameTarget : IFuzzTarget
{
    private const int MaxFrame = 64 * 1024;

    public string Name => "frame";

    public bool IsText => false;

    public IEnumerable<byte[]> Seeds()
    {
        yield return Envelope(new RemoteEnvelope("/user/a", "/user/b", "test.Ping", new byte[] { 1, 2, 3, 4 }, true), 3);
        yield return Envelope(new RemoteEnvelope("/user/sensor-1", null, "iot.Reading", new byte[40], false), 0);
        byte[] two = [.. Envelope(new RemoteEnvelope("/user/x", null, "m", Array.Empty<byte>(), false), 0), .. Envelope(new RemoteEnvelope("/user/é", "/system/y", "m2", new byte[] { 9 }, true), long.MaxValue)];
        yield return two;
        yield return [0, 0, 0, 1, (byte)FrameType.Heartbeat];
        yield return [0, 0, 0, 9, (byte)FrameType.Ack, 0, 0, 0, 0, 0, 0, 0, 1];
    }

    private static byte[] Envelope(RemoteEnvelope envelope, long seqNr)
    {
        var writer = new ArrayBufferWriter<byte>();
        EnvelopeCodec.WriteFrame(writer, envelope, seqNr);
        return writer.WrittenSpan.ToArray();
    }

    public FuzzOutcome Run(byte[] input)
    {
        bool decoded = false;
        var status = FrameCodec.TryDecode(input, MaxFrame, out var type, out int offset, out int length, out var error);
        if (status == DecodeStatus.Error && error == FrameError.None) throw new InvalidOperationException("span decoder reported an error without a reason");
        if (status == DecodeStatus.Frame && type == FrameType.Envelope) decoded |= EnvelopeCodec.TryDecode(input.AsSpan(offset, length), out _, out _);

        var buffer = TwoSegments(input);
        for (int guard = 0; guard <= input.Length; guard++)
        {
            status = FrameCodec.TryDecode(ref buffer, MaxFrame, out type, out var body, out error, out _);
            if (status == DecodeStatus.Error && error == FrameError.None) throw new InvalidOperationException("sequence decoder reported an error without a reason");
            if (status != DecodeStatus.Frame) break;
            if (type == FrameType.Envelope) decoded |= EnvelopeCodec.TryDecode(body.ToArray(), out _, out _, new Utf8StringCache());
        }

        EnvelopeCodec.TryDecode(input, out _, out _);
        return ReadWithFrameReader(input) && decoded ? FuzzOutcome.Accepted : FuzzOutcome.Rejected;
    }

    private static bool ReadWithFrameReader(byte[] input)
    {
        var pipe = new Pipe();
        pipe.Writer.WriteAsync(input).AsTask().GetAwaiter().GetResult();
        pipe.Writer.Complete();
        var reader = new FrameReader(pipe.Reader, MaxFrame);
        try
        {
            while (reader.ReadOneAsync(MaxFrame, CancellationToken.None).AsTask().GetAwaiter().GetResult() is not null) { }
            return true;
        }
        catch (FrameDecodeException)
        {
            return false;
        }
    }

    /// <summary>The input as a two-segment sequence, split at a point the input itself picks.</summary>
    internal static ReadOnlySequence<byte> TwoSegments(byte[] input)
    {
        if (input.Length < 2) return new ReadOnlySequence<byte>(input);
        int split = input[^1] % input.Length;
        var first = new Segment(input.AsMemory(0, split), 0);
        var last = first.Append(input.AsMemory(split));
        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
