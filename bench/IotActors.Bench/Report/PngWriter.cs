using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace IotActors.Bench.Report;

/// <summary>Encodes 8-bit RGB pixels as a PNG (IHDR, one zlib IDAT with filter 0 per row, IEND).</summary>
internal static class PngWriter
{
    public static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static byte[] Encode(int width, int height, ReadOnlySpan<byte> rgb)
    {
        if (width <= 0 || height <= 0) { throw new ArgumentOutOfRangeException(nameof(width), $"PNG size must be positive, got {width}x{height}."); }
        if (rgb.Length != width * height * 3) { throw new ArgumentException($"Expected {width * height * 3} RGB bytes for {width}x{height}, got {rgb.Length}.", nameof(rgb)); }

        using var png = new MemoryStream();
        png.Write(Signature);

        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], height);
        header[8] = 8;  // bit depth
        header[9] = 2;  // colour type: truecolour
        header[10] = 0; // deflate
        header[11] = 0; // adaptive filtering, filter type per row
        header[12] = 0; // no interlace
        WriteChunk(png, "IHDR", header);

        using (var idat = new MemoryStream())
        {
            using (var z = new ZLibStream(idat, CompressionLevel.Optimal, leaveOpen: true))
            {
                var stride = width * 3;
                for (var y = 0; y < height; y++)
                {
                    z.WriteByte(0);
                    z.Write(rgb.Slice(y * stride, stride));
                }
            }
            WriteChunk(png, "IDAT", idat.ToArray());
        }

        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void WriteChunk(Stream output, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        output.Write(word);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        output.Write(typeBytes);
        output.Write(data);
        var crc = Crc32.Update(0xFFFFFFFFu, typeBytes);
        crc = Crc32.Update(crc, data) ^ 0xFFFFFFFFu;
        BinaryPrimitives.WriteUInt32BigEndian(word, crc);
        output.Write(word);
    }
}
