using System.Buffers.Binary;

namespace IotActors.Fuzz.Engine;

/// <summary>Makes fuzz inputs from a corpus with a seeded RNG: pure random bytes, or a corpus entry with stacked byte-level and token-level mutations.</summary>
public sealed class Mutator(Random random, IReadOnlyList<byte[]> corpus, bool text, int maxLength = 64 * 1024)
{
    private static readonly long[] Interesting =
    [
        0, 1, -1, 2, 16, 32, 64, 100, 127, 128, 255, 256, 512, 1000, 1024, 4096, 32767, 32768, 65535, 65536,
        int.MaxValue, int.MinValue, uint.MaxValue, long.MaxValue, long.MinValue, -128, -129, -32768,
    ];

    /// <summary>The next input.</summary>
    public byte[] Next()
    {
        int pick = random.Next(100);
        if (pick < 8 || corpus.Count == 0) return RandomBytes();
        if (text && pick < 12) return TextMutations.RandomTokens(random);
        byte[] data = corpus[random.Next(corpus.Count)];
        int rounds = 1 << random.Next(0, 4);
        for (int i = 0; i < rounds; i++) data = MutateOnce(data);
        return data.Length > maxLength ? data[..maxLength] : data;
    }

    private byte[] RandomBytes()
    {
        var data = new byte[random.Next(0, random.Next(2) == 0 ? 64 : 1024)];
        random.NextBytes(data);
        return data;
    }

    private byte[] MutateOnce(byte[] data)
    {
        int op = random.Next(text ? 14 : 10);
        return op switch
        {
            0 => BitFlip(data),
            1 => SetRandomByte(data),
            2 => InsertBytes(data),
            3 => DeleteRange(data),
            4 => DuplicateRange(data),
            5 => Splice(data),
            6 => InterestingInteger(data),
            7 => Truncate(data),
            8 => InterestingInteger(data),
            9 => BitFlip(data),
            _ => TextMutations.Mutate(random, data),
        };
    }

    private byte[] BitFlip(byte[] data)
    {
        if (data.Length == 0) return [(byte)random.Next(256)];
        var copy = (byte[])data.Clone();
        for (int n = random.Next(1, 5); n > 0; n--) copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
        return copy;
    }

    private byte[] SetRandomByte(byte[] data)
    {
        if (data.Length == 0) return [(byte)random.Next(256)];
        var copy = (byte[])data.Clone();
        copy[random.Next(copy.Length)] = (byte)random.Next(256);
        return copy;
    }

    private byte[] InsertBytes(byte[] data)
    {
        var insert = new byte[random.Next(1, 17)];
        random.NextBytes(insert);
        return Insert(data, random.Next(data.Length + 1), insert);
    }

    private byte[] DeleteRange(byte[] data)
    {
        if (data.Length == 0) return data;
        int start = random.Next(data.Length);
        int length = random.Next(1, Math.Min(data.Length - start, 32) + 1);
        return [.. data.AsSpan(0, start), .. data.AsSpan(start + length)];
    }

    private byte[] DuplicateRange(byte[] data)
    {
        if (data.Length == 0) return data;
        int start = random.Next(data.Length);
        int length = random.Next(1, Math.Min(data.Length - start, 64) + 1);
        byte[] chunk = data.AsSpan(start, length).ToArray();
        int times = random.Next(1, random.Next(2) == 0 ? 3 : 64);
        byte[] result = data;
        for (int i = 0; i < times && result.Length < maxLength; i++) result = Insert(result, start, chunk);
        return result;
    }

    private byte[] Splice(byte[] data)
    {
        byte[] other = corpus[random.Next(corpus.Count)];
        int cut = random.Next(data.Length + 1);
        int from = random.Next(other.Length + 1);
        return [.. data.AsSpan(0, cut), .. other.AsSpan(from)];
    }

    private byte[] InterestingInteger(byte[] data)
    {
        if (data.Length == 0) return data;
        long value = random.Next(4) == 0 ? data.Length + random.Next(-2, 3) : Interesting[random.Next(Interesting.Length)];
        int width = (int)Math.Min(data.Length, 1 << random.Next(4));
        int pos = random.Next(data.Length - width + 1);
        var copy = (byte[])data.Clone();
        Span<byte> bytes = stackalloc byte[8];
        if (random.Next(2) == 0) BinaryPrimitives.WriteInt64BigEndian(bytes, value);
        else BinaryPrimitives.WriteInt64LittleEndian(bytes, value);
        var source = random.Next(2) == 0 ? bytes[(8 - width)..] : bytes[..width];
        source.CopyTo(copy.AsSpan(pos, width));
        return copy;
    }

    private byte[] Truncate(byte[] data) => data.Length == 0 ? data : data[..random.Next(data.Length)];

    internal static byte[] Insert(byte[] data, int at, ReadOnlySpan<byte> insert) =>
        [.. data.AsSpan(0, at), .. insert, .. data.AsSpan(at)];
}
