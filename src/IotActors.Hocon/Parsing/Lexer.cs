using System.Globalization;
using System.Text;

namespace IotActors.Hocon.Parsing;

/// <summary>Turns HOCON or JSON text into tokens; comments are dropped, newlines kept.</summary>
internal sealed class Lexer
{
    private const string NotInUnquoted = "$\"{}[]:=,+#`^?!@*&\\";
    private readonly string _text;
    private readonly string? _file;
    private readonly bool _json;
    private int _pos;
    private int _line = 1;
    private int _col = 1;

    public Lexer(string text, string? file, bool json)
    {
        _text = text;
        _file = file;
        _json = json;
        if (_text.Length > 0 && _text[0] == '\uFEFF')
        {
            _pos = 1;
        }
    }

    public static List<Token> Tokenize(string text, string? file, bool json)
    {
        var lexer = new Lexer(text, file, json);
        var tokens = new List<Token>();
        while (true)
        {
            var t = lexer.Next(insideSubstitution: false);
            if (t is null)
            {
                continue;
            }

            tokens.Add(t);
            if (t.Kind == TokenKind.Eof)
            {
                return tokens;
            }
        }
    }

    private SourcePosition Here => new(_file, _line, _col);

    private HoconParseException Error(string reason, SourcePosition at) => new(reason, at);

    private char Peek(int ahead = 0) => _pos + ahead < _text.Length ? _text[_pos + ahead] : '\0';

    private bool AtEnd => _pos >= _text.Length;

    private char Advance()
    {
        char c = _text[_pos++];
        if (c == '\n')
        {
            _line++;
            _col = 1;
        }
        else
        {
            _col++;
        }

        return c;
    }

    internal static bool IsWhitespace(char c) => c != '\n' && (char.IsWhiteSpace(c) || c == '\uFEFF');

    /// <summary>Reads the next token, or null for a dropped comment.</summary>
    private Token? Next(bool insideSubstitution)
    {
        var at = Here;
        if (AtEnd)
        {
            return new Token(TokenKind.Eof, "", at);
        }

        char c = Peek();
        if (c == '\n')
        {
            Advance();
            return new Token(TokenKind.Newline, "\n", at);
        }

        if (IsWhitespace(c))
        {
            var sb = new StringBuilder();
            while (!AtEnd && IsWhitespace(Peek()))
            {
                sb.Append(Advance());
            }

            return new Token(TokenKind.Whitespace, sb.ToString(), at);
        }

        if (c == '#' || (c == '/' && Peek(1) == '/'))
        {
            if (_json)
            {
                throw Error("comments are not allowed in JSON", at);
            }

            if (insideSubstitution)
            {
                throw Error("a comment cannot appear inside ${...}", at);
            }

            while (!AtEnd && Peek() != '\n')
            {
                Advance();
            }

            return null;
        }

        switch (c)
        {
            case '{': Advance(); return new Token(TokenKind.OpenBrace, "{", at);
            case '}': Advance(); return new Token(TokenKind.CloseBrace, "}", at);
            case '[': Advance(); return new Token(TokenKind.OpenBracket, "[", at);
            case ']': Advance(); return new Token(TokenKind.CloseBracket, "]", at);
            case ',': Advance(); return new Token(TokenKind.Comma, ",", at);
            case ':': Advance(); return new Token(TokenKind.Colon, ":", at);
            case '=':
                if (_json)
                {
                    throw Error("'=' is not allowed in JSON; use ':'", at);
                }

                Advance();
                return new Token(TokenKind.Equals, "=", at);
            case '+':
                if (Peek(1) == '=' && !_json)
                {
                    Advance();
                    Advance();
                    return new Token(TokenKind.PlusEquals, "+=", at);
                }

                throw Error("reserved character '+' is not allowed outside quotes (did you mean '+='?)", at);
            case '"':
                return ReadQuoted(at);
            case '$':
                if (Peek(1) == '{' && !_json)
                {
                    return ReadSubstitution(at);
                }

                throw Error("reserved character '$' is not allowed outside quotes (substitutions are written ${path})", at);
        }

        if (c == '-' || char.IsAsciiDigit(c))
        {
            return ReadNumber(at);
        }

        if (NotInUnquoted.Contains(c))
        {
            throw Error($"reserved character '{c}' is not allowed outside quotes", at);
        }

        return ReadUnquoted(at);
    }

    private Token ReadNumber(SourcePosition at)
    {
        int start = _pos;
        while (!AtEnd && "0123456789eE+-.".Contains(Peek()))
        {
            Advance();
        }

        string s = _text[start.._pos];
        var n = HoconNumber.TryParse(s);
        if (n is not null)
        {
            return new Token(TokenKind.Number, s, at) { Number = n };
        }

        foreach (char ch in s)
        {
            if (NotInUnquoted.Contains(ch))
            {
                throw Error($"'{s}' is not a number and reserved character '{ch}' is not allowed outside quotes", at);
            }
        }

        if (_json)
        {
            throw Error($"'{s}' is not a valid JSON number", at);
        }

        return new Token(TokenKind.Unquoted, s, at);
    }

    private Token ReadUnquoted(SourcePosition at)
    {
        var sb = new StringBuilder();
        while (!AtEnd)
        {
            char c = Peek();
            if (c == '\n' || IsWhitespace(c) || NotInUnquoted.Contains(c) || (c == '/' && Peek(1) == '/'))
            {
                break;
            }

            sb.Append(Advance());
            if (sb.Length <= 5)
            {
                string s = sb.ToString();
                if (s is "true" or "false" or "null")
                {
                    var kind = s switch { "true" => TokenKind.True, "false" => TokenKind.False, _ => TokenKind.Null };
                    return new Token(kind, s, at);
                }
            }
        }

        if (_json)
        {
            throw Error($"unquoted text '{sb}' is not allowed in JSON", at);
        }

        return new Token(TokenKind.Unquoted, sb.ToString(), at);
    }

    private Token ReadQuoted(SourcePosition at)
    {
        Advance();
        if (Peek() == '"' && Peek(1) == '"')
        {
            if (_json)
            {
                throw Error("triple-quoted strings are not allowed in JSON", at);
            }

            Advance();
            Advance();
            return ReadTripleQuoted(at);
        }

        var sb = new StringBuilder();
        while (true)
        {
            if (AtEnd)
            {
                throw Error("unterminated quoted string (missing closing '\"')", at);
            }

            var here = Here;
            char c = Advance();
            if (c == '"')
            {
                return new Token(TokenKind.Quoted, sb.ToString(), at);
            }

            if (c == '\n')
            {
                throw Error("newline inside a quoted string (use \\n, or a triple-quoted string)", here);
            }

            if (c < 0x20)
            {
                throw Error($"control character U+{(int)c:X4} inside a quoted string must be escaped", here);
            }

            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }

            if (AtEnd)
            {
                throw Error("unterminated escape sequence at end of input", here);
            }

            char e = Advance();
            switch (e)
            {
                case '"': sb.Append('"'); break;
                case '\\': sb.Append('\\'); break;
                case '/': sb.Append('/'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'u':
                    if (_pos + 4 > _text.Length || !int.TryParse(_text.AsSpan(_pos, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code))
                    {
                        throw Error("\\u must be followed by four hex digits", here);
                    }

                    for (int i = 0; i < 4; i++)
                    {
                        Advance();
                    }

                    sb.Append((char)code);
                    break;
                default:
                    throw Error($"invalid escape '\\{e}' in quoted string", here);
            }
        }
    }

    private Token ReadTripleQuoted(SourcePosition at)
    {
        var sb = new StringBuilder();
        while (true)
        {
            if (AtEnd)
            {
                throw Error("unterminated triple-quoted string (missing closing '\"\"\"')", at);
            }

            if (Peek() == '"' && Peek(1) == '"' && Peek(2) == '"')
            {
                int run = 0;
                while (Peek() == '"')
                {
                    Advance();
                    run++;
                }

                sb.Append('"', run - 3);
                return new Token(TokenKind.Quoted, sb.ToString(), at);
            }

            sb.Append(Advance());
        }
    }

    private Token ReadSubstitution(SourcePosition at)
    {
        Advance();
        Advance();
        bool optional = false;
        if (Peek() == '?')
        {
            Advance();
            optional = true;
        }

        var inner = new List<Token>();
        while (true)
        {
            if (AtEnd)
            {
                throw Error("unterminated substitution (missing '}')", at);
            }

            if (Peek() == '}')
            {
                Advance();
                break;
            }

            var t = Next(insideSubstitution: true)!;
            if (t.Kind == TokenKind.Newline)
            {
                throw Error("a substitution cannot span lines", t.At);
            }

            inner.Add(t);
        }

        return new Token(TokenKind.Substitution, "${" + (optional ? "?" : "") + string.Concat(inner.Select(t => t.Kind == TokenKind.Quoted ? "\"" + t.Text + "\"" : t.Text)) + "}", at)
        {
            Optional = optional,
            Path = inner,
        };
    }
}
