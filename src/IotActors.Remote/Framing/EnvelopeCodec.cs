using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using System.Text.Unicode;

namespace IotActors.Remote.Framing;

/// <summary>Binary layout of an envelope frame body: flags, [seqNr], recipient, [sender], manifest, payload.</summary>
internal static class EnvelopeCodec
{
    private const byte SystemFlag = 1;
    private const byte SenderFlag = 2;
    public const int MaxPathBytes = ushort.MaxValue;
    public const int MaxManifestBytes = byte.MaxValue;

    /// <summary>Writes a complete envelope frame (header included).</summary>
    public static void WriteFrame(IBufferWriter<byte> writer, RemoteEnvelope envelope, long seqNr)
    {
        int recipientBytes = Encoding.UTF8.GetByteCount(envelope.RecipientPath);
        int senderBytes = envelope.SenderPath is null ? 0 : Encoding.UTF8.GetByteCount(envelope.SenderPath);
        int manifestBytes = Encoding.UTF8.GetByteCount(envelope.Manifest);
        if (recipientBytes > MaxPathBytes || senderBytes > MaxPathBytes)
            throw new ArgumentException("Actor paths longer than 65535 UTF-8 bytes cannot be sent.", nameof(envelope));
        if (manifestBytes > MaxManifestBytes)
            throw new ArgumentException("Manifests longer than 255 UTF-8 bytes cannot be sent.", nameof(envelope));
        int bodyLength = 1 + (envelope.IsSystem ? 8 : 0) + 2 + recipientBytes
            + (envelope.SenderPath is null ? 0 : 2 + senderBytes) + 1 + manifestBytes + envelope.Payload.Length;
        FrameCodec.WriteHeader(writer, FrameType.Envelope, bodyLength);
        var span = writer.GetSpan(bodyLength);
        int pos = 0;
        span[pos++] = (byte)((envelope.IsSystem ? SystemFlag : 0) | (envelope.SenderPath is null ? 0 : SenderFlag));
        if (envelope.IsSystem)
        {
            BinaryPrimitives.WriteInt64BigEndian(span[pos..], seqNr);
            pos += 8;
        }
        pos += WriteString16(span[pos..], envelope.RecipientPath, recipientBytes);
        if (envelope.SenderPath is not null) pos += WriteString16(span[pos..], envelope.SenderPath, senderBytes);
        span[pos++] = (byte)manifestBytes;
        pos += Encoding.UTF8.GetBytes(envelope.Manifest, span[pos..]);
        envelope.Payload.Span.CopyTo(span[pos..]);
        pos += envelope.Payload.Length;
        writer.Advance(pos);
    }

    private static int WriteString16(Span<byte> span, string value, int byteCount)
    {
        BinaryPrimitives.WriteUInt16BigEndian(span, (ushort)byteCount);
        Encoding.UTF8.GetBytes(value, span[2..]);
        return 2 + byteCount;
    }

    /// <summary>Parses an envelope body; on failure returns false and a constant reason string.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> body, out RemoteEnvelope envelope, out string error, Utf8StringCache? strings = null)
    {
        envelope = null!;
        if (!TryParseLayout(body, out var layout, out error)) return false;
        envelope = new RemoteEnvelope(
            Text(body.Slice(layout.RecipientStart, layout.RecipientLength), strings),
            layout.SenderStart < 0 ? null : Text(body.Slice(layout.SenderStart, layout.SenderLength), strings),
            Text(body.Slice(layout.ManifestStart, layout.ManifestLength), strings),
            body[layout.PayloadStart..].ToArray(),
            layout.IsSystem,
            layout.SeqNr);
        return true;
    }

    private static string Text(ReadOnlySpan<byte> utf8, Utf8StringCache? strings) =>
        strings is null ? Encoding.UTF8.GetString(utf8) : strings.Get(utf8);

    /// <summary>Validates the layout without allocating; used by <see cref="TryDecode"/> and the fuzz tests.</summary>
    public static bool TryParseLayout(ReadOnlySpan<byte> body, out EnvelopeLayout layout, out string error)
    {
        layout = default;
        error = "";
        if (body.Length < 1) return Fail("envelope body is empty", out error);
        byte flags = body[0];
        if ((flags & ~(SystemFlag | SenderFlag)) != 0) return Fail("envelope has unknown flags", out error);
        int pos = 1;
        long seq = 0;
        bool isSystem = (flags & SystemFlag) != 0;
        if (isSystem)
        {
            if (body.Length < pos + 8) return Fail("envelope sequence number is truncated", out error);
            seq = BinaryPrimitives.ReadInt64BigEndian(body[pos..]);
            if (seq <= 0) return Fail("system envelope sequence number must be positive", out error);
            pos += 8;
        }
        if (!TryString16(body, ref pos, out int rStart, out int rLen)) return Fail("envelope recipient is truncated", out error);
        if (rLen == 0 || !Utf8.IsValid(body.Slice(rStart, rLen))) return Fail("envelope recipient is empty or not UTF-8", out error);
        int sStart = -1, sLen = 0;
        if ((flags & SenderFlag) != 0)
        {
            if (!TryString16(body, ref pos, out sStart, out sLen)) return Fail("envelope sender is truncated", out error);
            if (!Utf8.IsValid(body.Slice(sStart, sLen))) return Fail("envelope sender is not UTF-8", out error);
        }
        if (body.Length < pos + 1) return Fail("envelope manifest is truncated", out error);
        int mLen = body[pos++];
        if (body.Length < pos + mLen) return Fail("envelope manifest is truncated", out error);
        if (mLen == 0 || !Utf8.IsValid(body.Slice(pos, mLen))) return Fail("envelope manifest is empty or not UTF-8", out error);
        layout = new EnvelopeLayout(isSystem, seq, rStart, rLen, sStart, sLen, pos, mLen, pos + mLen);
        return true;
    }

    private static bool TryString16(ReadOnlySpan<byte> body, ref int pos, out int start, out int length)
    {
        start = 0;
        length = 0;
        if (body.Length < pos + 2) return false;
        length = BinaryPrimitives.ReadUInt16BigEndian(body[pos..]);
        start = pos + 2;
        if (body.Length < start + length) return false;
        pos = start + length;
        return true;
    }

    private static bool Fail(string reason, out string error)
    {
        error = reason;
        return false;
    }
}

/// <summary>Offsets of the parts of an envelope body.</summary>
internal readonly record struct EnvelopeLayout(
    bool IsSystem, long SeqNr, int RecipientStart, int RecipientLength, int SenderStart, int SenderLength,
    int ManifestStart, int ManifestLength, int PayloadStart);
