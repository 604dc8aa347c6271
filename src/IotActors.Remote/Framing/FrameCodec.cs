using System.Buffers;
using System.Buffers.Binary;

namespace IotActors.Remote.Framing;

/// <summary>Length-prefixed frames: a big-endian uint32 length, then a type byte and the body.</summary>
/// <remarks>The length counts the type byte and the body. Decoding allocates nothing.</remarks>
internal static class FrameCodec
{
    public const int HeaderSize = 4;

    /// <summary>Tries to take one frame off the front of <paramref name="buffer"/>; advances it on success.</summary>
    public static DecodeStatus TryDecode(
        ref ReadOnlySequence<byte> buffer, int maxFrameSize,
        out FrameType type, out ReadOnlySequence<byte> body, out FrameError error, out uint declaredLength)
    {
        type = default;
        body = default;
        error = FrameError.None;
        declaredLength = 0;
        if (buffer.Length < HeaderSize) return DecodeStatus.NeedMoreData;
        Span<byte> header = stackalloc byte[HeaderSize + 1];
        int available = (int)Math.Min(buffer.Length, HeaderSize + 1);
        buffer.Slice(0, available).CopyTo(header);
        var status = CheckHeader(header[..available], maxFrameSize, out type, out error, out declaredLength);
        if (status != DecodeStatus.Frame) return status;
        long total = HeaderSize + (long)declaredLength;
        if (buffer.Length < total) return DecodeStatus.NeedMoreData;
        body = buffer.Slice(HeaderSize + 1, declaredLength - 1);
        buffer = buffer.Slice(total);
        return DecodeStatus.Frame;
    }

    /// <summary>Span variant of <see cref="TryDecode(ref ReadOnlySequence{byte}, int, out FrameType, out ReadOnlySequence{byte}, out FrameError, out uint)"/>.</summary>
    public static DecodeStatus TryDecode(
        ReadOnlySpan<byte> buffer, int maxFrameSize,
        out FrameType type, out int bodyOffset, out int bodyLength, out FrameError error)
    {
        bodyOffset = 0;
        bodyLength = 0;
        var status = CheckHeader(buffer[..Math.Min(buffer.Length, HeaderSize + 1)], maxFrameSize, out type, out error, out uint length);
        if (status != DecodeStatus.Frame) return status;
        if (buffer.Length < HeaderSize + (long)length) return DecodeStatus.NeedMoreData;
        bodyOffset = HeaderSize + 1;
        bodyLength = (int)length - 1;
        return DecodeStatus.Frame;
    }

    private static DecodeStatus CheckHeader(
        ReadOnlySpan<byte> header, int maxFrameSize, out FrameType type, out FrameError error, out uint length)
    {
        type = default;
        error = FrameError.None;
        length = 0;
        if (header.Length < HeaderSize) return DecodeStatus.NeedMoreData;
        length = BinaryPrimitives.ReadUInt32BigEndian(header);
        if (length == 0)
        {
            error = FrameError.EmptyFrame;
            return DecodeStatus.Error;
        }
        if (length > (uint)maxFrameSize)
        {
            error = FrameError.Oversized;
            return DecodeStatus.Error;
        }
        if (header.Length < HeaderSize + 1) return DecodeStatus.NeedMoreData;
        byte raw = header[HeaderSize];
        if (raw is < (byte)FrameType.Hello or > (byte)FrameType.Welcome)
        {
            error = FrameError.UnknownType;
            return DecodeStatus.Error;
        }
        type = (FrameType)raw;
        return DecodeStatus.Frame;
    }

    /// <summary>Writes a frame header for a body of <paramref name="bodyLength"/> bytes.</summary>
    public static void WriteHeader(IBufferWriter<byte> writer, FrameType type, int bodyLength)
    {
        var span = writer.GetSpan(HeaderSize + 1);
        BinaryPrimitives.WriteUInt32BigEndian(span, (uint)(bodyLength + 1));
        span[HeaderSize] = (byte)type;
        writer.Advance(HeaderSize + 1);
    }

    /// <summary>Writes a whole frame.</summary>
    public static void Write(IBufferWriter<byte> writer, FrameType type, ReadOnlySpan<byte> body)
    {
        WriteHeader(writer, type, body.Length);
        writer.Write(body);
    }

    /// <summary>A human-readable reason for a decode error, for logs and exceptions.</summary>
    public static string Describe(FrameError error, uint declaredLength, int maxFrameSize) => error switch
    {
        FrameError.EmptyFrame => "empty frame (length prefix 0)",
        FrameError.Oversized => $"oversized frame ({declaredLength} bytes > maximum {maxFrameSize})",
        FrameError.UnknownType => "unknown frame type",
        FrameError.Truncated => "truncated frame (connection closed mid-frame)",
        FrameError.MalformedBody => "malformed frame body",
        _ => "no error",
    };
}
