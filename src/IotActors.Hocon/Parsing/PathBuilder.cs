using System.Text;

namespace IotActors.Hocon.Parsing;

/// <summary>Builds a path (list of keys) from the tokens of a key or of a substitution.</summary>
internal static class PathBuilder
{
    public static string[] Build(IReadOnlyList<Token> tokens, SourcePosition at, string what)
    {
        int start = 0;
        int end = tokens.Count;
        while (start < end && tokens[start].Kind == TokenKind.Whitespace)
        {
            start++;
        }

        while (end > start && tokens[end - 1].Kind == TokenKind.Whitespace)
        {
            end--;
        }

        if (start == end)
        {
            throw new HoconBadPathException($"{what} is empty", at);
        }

        var segments = new List<string>();
        var current = new StringBuilder();
        bool segmentHasContent = false;
        for (int i = start; i < end; i++)
        {
            var t = tokens[i];
            switch (t.Kind)
            {
                case TokenKind.Quoted:
                    current.Append(t.Text);
                    segmentHasContent = true;
                    break;
                case TokenKind.Whitespace:
                    current.Append(t.Text);
                    break;
                case TokenKind.Unquoted or TokenKind.Number or TokenKind.True or TokenKind.False or TokenKind.Null:
                    string text = t.Text;
                    for (int j = 0; j < text.Length; j++)
                    {
                        if (text[j] == '.')
                        {
                            if (!segmentHasContent && current.Length == 0)
                            {
                                throw new HoconBadPathException($"{what} has an empty segment (leading, trailing or doubled '.'); quote a key that contains '.'", t.At);
                            }

                            segments.Add(current.ToString());
                            current.Clear();
                            segmentHasContent = false;
                        }
                        else
                        {
                            current.Append(text[j]);
                            segmentHasContent = true;
                        }
                    }

                    break;
                default:
                    throw new HoconBadPathException($"{what} cannot contain {t.Describe()}", t.At);
            }
        }

        if (!segmentHasContent && current.Length == 0)
        {
            throw new HoconBadPathException($"{what} ends with '.'", at);
        }

        segments.Add(current.ToString());
        return segments.ToArray();
    }

    /// <summary>Parses a dotted path such as <c>a.b."c.d"</c> used by typed getters.</summary>
    public static string[] Parse(string path)
    {
        var tokens = Lexer.Tokenize(path, null, json: false);
        tokens.RemoveAt(tokens.Count - 1);
        return Build(tokens, new SourcePosition(null, 1, 1), $"path '{path}'");
    }

    public static string Render(IEnumerable<string> path) => string.Join('.', path.Select(HoconRenderer.RenderKey));
}
