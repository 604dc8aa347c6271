using System.Text;

namespace IotActors.Hocon.Parsing;

/// <summary>Rules for value concatenation: strings join, arrays append, objects merge, mixing is a type error.</summary>
internal static class Concatenation
{
    /// <summary>Joins an all-literal concatenation now and rejects literal mixes of objects/arrays with text.</summary>
    public static UNode Simplify(List<UNode> parts, SourcePosition at)
    {
        bool hasObject = parts.Any(p => p is UObject);
        bool hasArray = parts.Any(p => p is UArray);
        bool hasText = parts.Any(p => p is UScalar { IsWhitespace: false });
        if ((hasObject || hasArray) && hasText || hasObject && hasArray)
        {
            throw new HoconWrongTypeException("cannot concatenate an object or array with a string or another type (quote the text, or split it onto its own line)", at);
        }

        if (parts.All(p => p is UScalar))
        {
            var sb = new StringBuilder();
            foreach (UScalar s in parts)
            {
                sb.Append(s.Value.ScalarText);
            }

            return new UScalar(new HoconString(sb.ToString()) { Position = at }, at);
        }

        return new UConcat(parts, at);
    }

    /// <summary>Joins resolved parts (undefined ones already removed); null when nothing is left.</summary>
    public static HoconValue? Join(List<(HoconValue Value, bool Whitespace)> parts, SourcePosition at)
    {
        if (parts.Count == 0)
        {
            return null;
        }

        var (left, leftWs) = parts[0];
        for (int i = 1; i < parts.Count; i++)
        {
            var (right, rightWs) = parts[i];
            if (left is HoconObject lo && right is HoconObject ro)
            {
                left = Merger.MergeStack([ro, lo])!;
            }
            else if (left is HoconArray la && right is HoconArray ra)
            {
                left = new HoconArray(la.Items.Concat(ra.Items)) { Position = la.Position };
            }
            else if (left is HoconObject or HoconArray && rightWs)
            {
                continue;
            }
            else if (leftWs && right is HoconObject or HoconArray)
            {
                left = right;
            }
            else if (left.ScalarText is { } ls && right.ScalarText is { } rs)
            {
                left = new HoconString(ls + rs) { Position = left.Position };
                leftWs = leftWs && rightWs;
                continue;
            }
            else
            {
                throw new HoconWrongTypeException($"cannot concatenate {Describe(left)} with {Describe(right)}", right.Position.Line > 0 ? right.Position : at);
            }

            leftWs = false;
        }

        return left;
    }

    private static string Describe(HoconValue v) => v.Type switch
    {
        HoconValueType.Object => "an object",
        HoconValueType.Array => "an array",
        _ => $"the {v.Type.ToString().ToLowerInvariant()} {v.Render()}",
    };
}
