namespace IotActors.Hocon.Parsing;

internal enum TokenKind
{
    Eof,
    Newline,
    Whitespace,
    Comma,
    Colon,
    Equals,
    PlusEquals,
    OpenBrace,
    CloseBrace,
    OpenBracket,
    CloseBracket,
    Quoted,
    Unquoted,
    Number,
    True,
    False,
    Null,
    Substitution,
}

/// <summary>One lexical token; <see cref="Text"/> is the decoded text, <see cref="Path"/> the inside of a substitution.</summary>
internal sealed record Token(TokenKind Kind, string Text, SourcePosition At)
{
    public bool Optional { get; init; }

    public IReadOnlyList<Token>? Path { get; init; }

    public HoconNumber? Number { get; init; }

    public bool IsValue => Kind is TokenKind.Quoted or TokenKind.Unquoted or TokenKind.Number
        or TokenKind.True or TokenKind.False or TokenKind.Null;

    public string Describe() => Kind switch
    {
        TokenKind.Eof => "end of input",
        TokenKind.Newline => "newline",
        TokenKind.Substitution => "substitution",
        TokenKind.Quoted => $"\"{Text}\"",
        _ => $"'{Text}'",
    };
}
