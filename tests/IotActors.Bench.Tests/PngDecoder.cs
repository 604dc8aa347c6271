using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using IotActors.Bench.Report;

namespace IotActors.Bench.Tests;

/// <summary>A checking PNG reader for the tests: verifies signature and CRCs and inflates IDAT.</summary>
internal static class PngDecoder
{
    public static (int Width, int Height, byte[] Raw, List<string> Chunks) Decode(byte[] png)
    {
        png.AsSpan(0, 8).ToArray().Should().Equal(PngWriter.Signature);
        var chunks = new List<string>();
        int width = 0, height = 0;
        using var idat = new MemoryStream();
        var pos = 8;
        while (pos < png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(pos));
            var type = Encoding.ASCII.GetString(png, pos + 4, 4);
            var data = png.AsSpan(pos + 8, length);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(pos + 8 + length));
            Crc32.Compute(png.AsSpan(pos + 4, length + 4)).Should().Be(crc, $"chunk {type} must carry its CRC");
            if (type == "IHDR") { width = BinaryPrimitives.ReadInt32BigEndian(data); height = BinaryPrimitives.ReadInt32BigEndian(data[4..]); }
            if (type == "IDAT") { idat.Write(data); }
            chunks.Add(type);
            pos += 12 + length;
        }
        idat.Position = 0;
        using var z = new ZLibStream(idat, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        z.CopyTo(raw);
        return (width, height, raw.ToArray(), chunks);
    }
}
