using System.Text;

namespace IotActors.Remote.Framing;

/// <summary>A small direct-mapped cache from UTF-8 bytes to strings, so the paths and manifests repeated on a link are not re-allocated per frame.</summary>
/// <remarks>Not thread-safe: one per connection read loop.</remarks>
internal sealed class Utf8StringCache
{
    private const int Slots = 256;
    private const int MaxCachedBytes = 256;
    private readonly byte[]?[] _bytes = new byte[Slots][];
    private readonly string?[] _strings = new string[Slots];

    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxCachedBytes) return Encoding.UTF8.GetString(utf8);
        int slot = (int)((uint)HashCode(utf8) % Slots);
        if (_bytes[slot] is { } cached && utf8.SequenceEqual(cached)) return _strings[slot]!;
        var value = Encoding.UTF8.GetString(utf8);
        _bytes[slot] = utf8.ToArray();
        _strings[slot] = value;
        return value;
    }

    private static int HashCode(ReadOnlySpan<byte> utf8)
    {
        var hash = new HashCode();
        hash.AddBytes(utf8);
        return hash.ToHashCode();
    }
}
