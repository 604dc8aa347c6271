using System.Buffers;
using System.IO.Pipelines;

namespace IotActors.Remote.Framing;

/// <summary>Reads whole frames from a <see cref="PipeReader"/>, throwing <see cref="FrameDecodeException"/> on bad input.</summary>
internal sealed class FrameReader(PipeReader reader, int maxFrameSize)
{
    public PipeReader Pipe => reader;

    /// <summary>Reads one frame and copies its body; returns null when the peer closed cleanly between frames.</summary>
    public async ValueTask<(FrameType Type, byte[] Body)?> ReadOneAsync(int maxSize, CancellationToken ct)
    {
        while (true)
        {
            var result = await reader.ReadAsync(ct).ConfigureAwait(false);
            var buffer = result.Buffer;
            var status = FrameCodec.TryDecode(ref buffer, Math.Min(maxSize, maxFrameSize), out var type, out var body, out var error, out var length);
            if (status == DecodeStatus.Frame)
            {
                var copy = body.ToArray();
                reader.AdvanceTo(buffer.Start);
                return (type, copy);
            }
            if (status == DecodeStatus.Error)
            {
                reader.AdvanceTo(buffer.Start, buffer.End);
                throw new FrameDecodeException(error, FrameCodec.Describe(error, length, Math.Min(maxSize, maxFrameSize)));
            }
            reader.AdvanceTo(buffer.Start, buffer.End);
            if (result.IsCompleted)
            {
                if (buffer.Length == 0) return null;
                throw new FrameDecodeException(FrameError.Truncated,
                    $"truncated frame: connection closed with {buffer.Length} bytes of an incomplete frame");
            }
        }
    }

    /// <summary>Reads frames until the peer closes, invoking <paramref name="onFrame"/> for each body in place.</summary>
    public async Task RunAsync(FrameHandler onFrame, CancellationToken ct)
    {
        byte[]? scratch = null;
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(ct).ConfigureAwait(false);
                var buffer = result.Buffer;
                while (true)
                {
                    var status = FrameCodec.TryDecode(ref buffer, maxFrameSize, out var type, out var body, out var error, out var length);
                    if (status == DecodeStatus.NeedMoreData) break;
                    if (status == DecodeStatus.Error)
                    {
                        reader.AdvanceTo(buffer.Start, buffer.End);
                        throw new FrameDecodeException(error, FrameCodec.Describe(error, length, maxFrameSize));
                    }
                    if (body.IsSingleSegment) onFrame(type, body.FirstSpan);
                    else
                    {
                        int size = (int)body.Length;
                        if (scratch is null || scratch.Length < size)
                        {
                            if (scratch is not null) ArrayPool<byte>.Shared.Return(scratch);
                            scratch = ArrayPool<byte>.Shared.Rent(size);
                        }
                        body.CopyTo(scratch);
                        onFrame(type, scratch.AsSpan(0, size));
                    }
                }
                reader.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted)
                {
                    if (buffer.Length == 0) return;
                    throw new FrameDecodeException(FrameError.Truncated,
                        $"truncated frame: connection closed with {buffer.Length} bytes of an incomplete frame");
                }
            }
        }
        finally
        {
            if (scratch is not null) ArrayPool<byte>.Shared.Return(scratch);
        }
    }
}

/// <summary>Handles one decoded frame body; the span is only valid during the call.</summary>
internal delegate void FrameHandler(FrameType type, ReadOnlySpan<byte> body);
