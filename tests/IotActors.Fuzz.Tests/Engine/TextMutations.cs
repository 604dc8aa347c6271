using System.Text;

namespace IotActors.Fuzz.Engine;

/// <summary>JSON/HOCON-aware mutations: swapped quotes and braces, deep nesting, huge numbers, long strings, unicode, NUL, substitutions.</summary>
internal static class TextMutations
{
    private static readonly byte[][] Tokens = new[]
    {
        "{", "}", "[", "]", "\"", "'", ":", "=", ",", "\n", "\r\n", " ", "\t", "#", "//", "\\", "\\u", "\\u0000", "\\ud800", "\\udc00\\ud800",
        "\"\"\"", "null", "true", "false", "-", "+=", ".", "..", "${", "${a}", "${?a}", "${a.b.c}", "${x}", "include \"missing.conf\"",
        "include required(\"missing.conf\")", "1e400", "-1e400", "NaN", "Infinity", "-0", "0x10", "9223372036854775808", "-9223372036854775809",
        "1.7976931348623157e309", "340282366920938463463374607431768211456", "0.0000000000000000000000000001", "1e-400", "é", "😀", "\u2028", "\u00a0",
        "\ufeff", "a.b.c", "\"a.b\"", "temperature", "device", "sensor_id", "value", "metric", "unit", "timestamp", "readings", "sig", "payload",
        "nonce", "ts", "ctr", "type", "hello", "1772366400", "\"2026-01-01T00:00:00Z\"", "\"9999-12-31T23:59:59Z\"", "\"0001-01-01\"",
    }.Select(Encoding.UTF8.GetBytes).Append([0]).Append([0xff]).Append([0xc3]).Append([0xed, 0xa0, 0x80]).Append([0xf4, 0x90, 0x80, 0x80]).ToArray();

    private static readonly byte[] Structural = "{}[]\"':=,\n$\\#".Select(c => (byte)c).ToArray();

    /// <summary>Applies one token-level mutation.</summary>
    public static byte[] Mutate(Random random, byte[] data)
    {
        int at = random.Next(data.Length + 1);
        switch (random.Next(9))
        {
            case 0: return Mutator.Insert(data, at, Tokens[random.Next(Tokens.Length)]);
            case 1: return ReplaceStructural(random, data);
            case 2: return Swap(data, random.Next(2) == 0 ? ((byte)'"', (byte)'\'') : ((byte)'{', (byte)'['));
            case 3: return Mutator.Insert(data, at, Nesting(random));
            case 4: return Mutator.Insert(data, at, LongString(random));
            case 5: return Mutator.Insert(data, at, HugeNumber(random));
            case 6: return Mutator.Insert(data, at, Encoding.UTF8.GetBytes(Unicode(random)));
            case 7: return Swap(data, ((byte)'}', (byte)']'));
            default: return Mutator.Insert(data, at, Tokens[random.Next(Tokens.Length)].Concat(Tokens[random.Next(Tokens.Length)]).ToArray());
        }
    }

    /// <summary>A soup of tokens, for text decoders' pure random inputs.</summary>
    public static byte[] RandomTokens(Random random)
    {
        var bytes = new List<byte>();
        for (int n = random.Next(1, 40); n > 0; n--) bytes.AddRange(Tokens[random.Next(Tokens.Length)]);
        return [.. bytes];
    }

    private static byte[] ReplaceStructural(Random random, byte[] data)
    {
        if (data.Length == 0) return [Structural[random.Next(Structural.Length)]];
        var copy = (byte[])data.Clone();
        copy[random.Next(copy.Length)] = Structural[random.Next(Structural.Length)];
        return copy;
    }

    private static byte[] Swap(byte[] data, (byte A, byte B) pair)
    {
        var copy = (byte[])data.Clone();
        for (int i = 0; i < copy.Length; i++)
        {
            if (copy[i] == pair.A) copy[i] = pair.B;
            else if (copy[i] == pair.B) copy[i] = pair.A;
        }
        return copy;
    }

    private static byte[] Nesting(Random random)
    {
        int depth = random.Next(4) switch { 0 => random.Next(2, 20), 1 => random.Next(20, 200), 2 => random.Next(200, 2000), _ => random.Next(2000, 20000) };
        string open = random.Next(4) switch { 0 => "{", 1 => "[", 2 => "{a:", _ => "a." };
        string close = open switch { "{" or "{a:" => "}", "[" => "]", _ => "" };
        var text = new StringBuilder();
        for (int i = 0; i < depth; i++) text.Append(open);
        text.Append(random.Next(2) == 0 ? "1" : "");
        if (random.Next(3) != 0) for (int i = 0; i < depth; i++) text.Append(close);
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static byte[] LongString(Random random)
    {
        int length = random.Next(2) == 0 ? random.Next(64, 300) : random.Next(300, 60_000);
        char fill = "aé\\\"$ "[random.Next(6)];
        return Encoding.UTF8.GetBytes("\"" + new string(fill, length) + "\"");
    }

    private static byte[] HugeNumber(Random random)
    {
        var text = new StringBuilder(random.Next(2) == 0 ? "-" : "");
        for (int n = random.Next(1, random.Next(2) == 0 ? 30 : 2000); n > 0; n--) text.Append((char)('0' + random.Next(10)));
        if (random.Next(2) == 0) text.Append('.').Append('5', random.Next(1, 50));
        if (random.Next(2) == 0) text.Append('e').Append(random.Next(-999999, 999999));
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string Unicode(Random random)
    {
        var text = new StringBuilder();
        for (int n = random.Next(1, 8); n > 0; n--)
        {
            int code = random.Next(4) switch { 0 => random.Next(0x80, 0x800), 1 => random.Next(0x800, 0xD800), 2 => random.Next(0x10000, 0x10FFFF), _ => random.Next(0, 0x20) };
            text.Append(char.ConvertFromUtf32(code));
        }
        return text.ToString();
    }
}
