namespace IotActors.Persistence.Internal;

/// <summary>Encodes an event's tags into one text column and back.</summary>
internal static class TagCodec
{
    private const char Separator = '\u001F';

    public static void ValidateTag(string tag)
    {
        if (string.IsNullOrEmpty(tag))
        {
            throw new ArgumentException("A tag must not be empty.", nameof(tag));
        }

        foreach (var c in tag)
        {
            if (char.IsControl(c))
            {
                throw new ArgumentException($"Tag '{tag}' contains a control character; tags must be printable text.", nameof(tag));
            }
        }
    }

    public static string? Encode(IReadOnlyList<string> tags) => tags.Count == 0 ? null : string.Join(Separator, tags);

    public static IReadOnlyList<string> Decode(string? encoded) =>
        string.IsNullOrEmpty(encoded) ? [] : encoded.Split(Separator);
}
