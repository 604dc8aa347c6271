namespace IotActors.Hocon.Parsing;

/// <summary>Parses tokens into an unresolved tree (objects keep a stack of definitions per key).</summary>
internal sealed class Parser
{
    private readonly List<Token> _tokens;
    private readonly bool _json;
    private readonly ParseContext _context;
    private int _index;
    private int _depth;

    /// <summary>Deepest nesting of objects, arrays and key path segments accepted; deeper input is rejected instead of exhausting the stack.</summary>
    internal const int MaxNesting = 200;

    private Parser(List<Token> tokens, bool json, ParseContext context)
    {
        _tokens = tokens;
        _json = json;
        _context = context;
    }

    /// <summary>Parses a document; the root may be an array only when <paramref name="allowArrayRoot"/>.</summary>
    public static UNode Parse(string text, bool json, ParseContext context, bool allowArrayRoot)
    {
        var parser = new Parser(Lexer.Tokenize(text, context.File, json), json, context);
        return parser.ParseRoot(allowArrayRoot);
    }

    private Token Peek => _tokens[_index];

    private Token Take() => _tokens[_index++];

    private static HoconParseException Error(string reason, Token at) => new(reason, at.At);

    private void CheckNesting(int pathLength, Token at)
    {
        if (_depth + pathLength > MaxNesting)
        {
            throw Error($"objects, arrays and key paths are nested more than {MaxNesting} levels deep", at);
        }
    }

    private void SkipWhitespace()
    {
        while (Peek.Kind == TokenKind.Whitespace)
        {
            _index++;
        }
    }

    private void SkipWhitespaceAndNewlines()
    {
        while (Peek.Kind is TokenKind.Whitespace or TokenKind.Newline)
        {
            _index++;
        }
    }

    private UNode ParseRoot(bool allowArrayRoot)
    {
        SkipWhitespaceAndNewlines();
        UNode root;
        if (Peek.Kind == TokenKind.OpenBrace)
        {
            var open = Take();
            root = ParseObjectBody(braced: true, [], open.At, inArray: false);
        }
        else if (Peek.Kind == TokenKind.OpenBracket)
        {
            if (!allowArrayRoot)
            {
                throw Error("a configuration document must be an object, not an array", Peek);
            }

            root = ParseArray([]);
        }
        else if (_json)
        {
            throw Error($"a JSON document must start with '{{' or '[', found {Peek.Describe()}", Peek);
        }
        else
        {
            return ParseObjectBody(braced: false, [], Peek.At, inArray: false);
        }

        SkipWhitespaceAndNewlines();
        if (Peek.Kind != TokenKind.Eof)
        {
            throw Error($"unexpected {Peek.Describe()} after the end of the document", Peek);
        }

        return root;
    }

    private UObject ParseObjectBody(bool braced, string[] objectPath, SourcePosition at, bool inArray)
    {
        var obj = new UObject(at);
        while (true)
        {
            SkipWhitespaceAndNewlines();
            var t = Peek;
            if (t.Kind == TokenKind.CloseBrace)
            {
                if (!braced)
                {
                    throw Error("unbalanced '}' (no matching '{')", t);
                }

                _index++;
                return obj;
            }

            if (t.Kind == TokenKind.Eof)
            {
                if (braced)
                {
                    throw Error("end of input inside an object (missing '}')", t);
                }

                return obj;
            }

            if (t.Kind == TokenKind.Unquoted && t.Text == "include" && !_json)
            {
                _index++;
                ParseInclude(obj, objectPath, t, inArray);
            }
            else
            {
                ParseField(obj, objectPath, inArray);
            }

            SkipWhitespace();
            var after = Peek;
            if (after.Kind == TokenKind.Comma)
            {
                _index++;
                SkipWhitespaceAndNewlines();
                if (Peek.Kind == TokenKind.Comma)
                {
                    throw Error("two commas in a row", Peek);
                }

                if (_json && Peek.Kind == TokenKind.CloseBrace)
                {
                    throw Error("trailing comma is not allowed in JSON", Peek);
                }
            }
            else if (after.Kind == TokenKind.Newline && !_json)
            {
                SkipWhitespaceAndNewlines();
                if (Peek.Kind == TokenKind.Comma)
                {
                    _index++;
                    SkipWhitespaceAndNewlines();
                    if (Peek.Kind == TokenKind.Comma)
                    {
                        throw Error("two commas in a row", Peek);
                    }
                }
            }
            else if (after.Kind == TokenKind.Newline && _json)
            {
                SkipWhitespaceAndNewlines();
                if (Peek.Kind is not (TokenKind.CloseBrace or TokenKind.Comma))
                {
                    throw Error($"expected ',' or '}}' in JSON, found {Peek.Describe()}", Peek);
                }
            }
            else if (after.Kind is not (TokenKind.CloseBrace or TokenKind.Eof))
            {
                throw Error($"expected ',', newline or '}}' after a field, found {after.Describe()}", after);
            }
        }
    }

    private void ParseField(UObject obj, string[] objectPath, bool inArray)
    {
        var keyStart = Peek;
        var keyTokens = new List<Token>();
        while (Peek.IsValue || Peek.Kind == TokenKind.Whitespace)
        {
            keyTokens.Add(Take());
        }

        if (keyTokens.Count == 0)
        {
            throw Error($"expected a key, found {keyStart.Describe()}", keyStart);
        }

        if (_json)
        {
            keyTokens.RemoveAll(k => k.Kind == TokenKind.Whitespace);
        }

        if (_json && (keyTokens.Count != 1 || keyTokens[0].Kind != TokenKind.Quoted))
        {
            throw Error("JSON keys must be quoted strings", keyStart);
        }

        string[] key = _json ? [keyTokens[0].Text] : PathBuilder.Build(keyTokens, keyStart.At, "key");
        if (_json && obj.Fields.ContainsKey(key[0]))
        {
            throw Error($"duplicate key \"{key[0]}\" is not allowed in JSON", keyStart);
        }

        SkipWhitespaceAndNewlines();
        var sep = Peek;
        bool plusEquals = false;
        switch (sep.Kind)
        {
            case TokenKind.Colon or TokenKind.Equals:
                _index++;
                break;
            case TokenKind.PlusEquals:
                if (inArray)
                {
                    throw Error("'+=' inside an array element (or a '+=' value) is not supported", sep);
                }

                plusEquals = true;
                _index++;
                break;
            case TokenKind.OpenBrace when !_json:
                break;
            default:
                throw Error($"expected ':' or '=' after key '{string.Join('.', key)}', found {sep.Describe()}", sep);
        }

        SkipWhitespaceAndNewlines();
        string[] fieldPath = [.. objectPath, .. key];
        CheckNesting(fieldPath.Length, keyStart);
        var value = ParseValue(fieldPath, inArray || plusEquals);
        if (plusEquals)
        {
            value = new UConcat(
                [new USubstitution(fieldPath, true, _context.Prefix, sep.At, "${?" + string.Join('.', fieldPath) + "}"), new UArray([value], value.At)],
                sep.At);
        }

        for (int i = key.Length - 1; i >= 1; i--)
        {
            var wrapper = new UObject(keyStart.At);
            wrapper.Add(key[i], value);
            value = wrapper;
        }

        obj.Add(key[0], value);
    }

    private UNode ParseValue(string[] fieldPath, bool inArray)
    {
        var parts = new List<UNode>();
        var first = Peek;
        while (true)
        {
            var t = Peek;
            if (t.Kind == TokenKind.Whitespace)
            {
                _index++;
                if (parts.Count > 0)
                {
                    parts.Add(new UScalar(new HoconString(t.Text), t.At, isWhitespace: true));
                }

                continue;
            }

            UNode? part = t.Kind switch
            {
                TokenKind.Quoted or TokenKind.Unquoted => new UScalar(new HoconString(t.Text) { Position = t.At }, t.At),
                TokenKind.Number => new UScalar(t.Number!.At(t.At), t.At),
                TokenKind.True or TokenKind.False => new UScalar(new HoconBoolean(t.Kind == TokenKind.True) { Position = t.At }, t.At),
                TokenKind.Null => new UScalar(new HoconNull { Position = t.At }, t.At),
                _ => null,
            };
            if (part is not null)
            {
                _index++;
            }
            else if (t.Kind == TokenKind.Substitution)
            {
                _index++;
                var path = PathBuilder.Build(t.Path!, t.At, "substitution path");
                part = new USubstitution(path, t.Optional, _context.Prefix, t.At, t.Text);
            }
            else if (t.Kind == TokenKind.OpenBrace)
            {
                _index++;
                _depth++;
                CheckNesting(fieldPath.Length, t);
                part = ParseObjectBody(braced: true, fieldPath, t.At, inArray);
                _depth--;
            }
            else if (t.Kind == TokenKind.OpenBracket)
            {
                _depth++;
                CheckNesting(fieldPath.Length, t);
                part = ParseArray(fieldPath);
                _depth--;
            }
            else
            {
                break;
            }

            parts.Add(part);
        }

        while (parts.Count > 0 && parts[^1] is UScalar { IsWhitespace: true })
        {
            parts.RemoveAt(parts.Count - 1);
        }

        if (parts.Count == 0)
        {
            throw Error($"expected a value, found {first.Describe()}", first);
        }

        if (parts.Count == 1)
        {
            return parts[0];
        }

        if (_json)
        {
            throw Error("value concatenation is not allowed in JSON", first);
        }

        return Concatenation.Simplify(parts, first.At);
    }

    private UArray ParseArray(string[] fieldPath)
    {
        var open = Take();
        var items = new List<UNode>();
        SkipWhitespaceAndNewlines();
        if (Peek.Kind == TokenKind.CloseBracket)
        {
            _index++;
            return new UArray(items, open.At);
        }

        while (true)
        {
            items.Add(ParseValue(fieldPath, inArray: true));
            SkipWhitespace();
            var t = Peek;
            if (t.Kind == TokenKind.Comma)
            {
                _index++;
                SkipWhitespaceAndNewlines();
                if (Peek.Kind == TokenKind.CloseBracket)
                {
                    if (_json)
                    {
                        throw Error("trailing comma is not allowed in JSON", Peek);
                    }

                    _index++;
                    return new UArray(items, open.At);
                }
            }
            else if (t.Kind == TokenKind.Newline)
            {
                SkipWhitespaceAndNewlines();
                if (Peek.Kind == TokenKind.CloseBracket)
                {
                    _index++;
                    return new UArray(items, open.At);
                }

                if (Peek.Kind == TokenKind.Comma)
                {
                    _index++;
                    SkipWhitespaceAndNewlines();
                    if (Peek.Kind == TokenKind.CloseBracket && !_json)
                    {
                        _index++;
                        return new UArray(items, open.At);
                    }
                }
                else if (_json)
                {
                    throw Error($"expected ',' or ']' in JSON, found {Peek.Describe()}", Peek);
                }
            }
            else if (t.Kind == TokenKind.CloseBracket)
            {
                _index++;
                return new UArray(items, open.At);
            }
            else
            {
                throw Error($"expected ',', newline or ']' in an array, found {t.Describe()}", t);
            }
        }
    }

    private void ParseInclude(UObject obj, string[] objectPath, Token includeToken, bool inArray)
    {
        SkipWhitespaceAndNewlines();
        var t = Peek;
        IncludeKind kind = IncludeKind.Plain;
        bool required = false;
        string closer = "";
        if (t.Kind == TokenKind.Unquoted)
        {
            string opener = t.Text;
            if (opener.StartsWith("required(", StringComparison.Ordinal))
            {
                required = true;
                closer = ")";
                opener = opener["required(".Length..];
            }

            switch (opener)
            {
                case "file(": kind = IncludeKind.File; closer += ")"; break;
                case "classpath(": kind = IncludeKind.Classpath; closer += ")"; break;
                case "url(": kind = IncludeKind.Url; closer += ")"; break;
                case "" when required: break;
                default:
                    throw Error($"include must be followed by a quoted file name, file(\"...\"), required(\"...\"), classpath(\"...\") or url(\"...\"), found {t.Describe()}", t);
            }

            _index++;
            SkipWhitespace();
        }

        var name = Peek;
        if (name.Kind != TokenKind.Quoted)
        {
            throw Error($"include expects a quoted file name, found {name.Describe()}", name);
        }

        _index++;
        if (closer.Length > 0)
        {
            SkipWhitespace();
            var close = Peek;
            string text = "";
            while (Peek.Kind is TokenKind.Unquoted or TokenKind.Whitespace && text.Length < closer.Length)
            {
                text += Take().Text.Trim();
            }

            if (text != closer)
            {
                throw Error($"include {name.Describe()} is missing its closing '{closer}'", close);
            }
        }

        if (inArray)
        {
            throw Error("include inside an array element is not supported", includeToken);
        }

        var included = _context.Includer.Include(kind, name.Text, required, _context, [.. _context.Prefix, .. objectPath], includeToken.At);
        if (included is not null)
        {
            obj.AddAll(included);
        }
    }
}
