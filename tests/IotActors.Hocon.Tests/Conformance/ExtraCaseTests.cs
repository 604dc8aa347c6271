using System.Text.Json;

namespace IotActors.Hocon.Tests.Conformance;

public sealed class ExtraCaseTests
{
    /// <summary>
    /// Cases skipped, with the reason. Only cases the README documents as implementation-defined may appear here.
    /// (plusEqualsMultipleTimesNestedInArray / ...InPlusEquals are not skipped: we reject them with a parse error
    /// exactly like the reference.)
    /// </summary>
    private static readonly Dictionary<string, string> s_skip = new();

    private static readonly Lazy<Dictionary<string, JsonElement>> s_cases = new(() =>
        ConformanceData.ReadJson("extra/cases.json").GetProperty("cases").EnumerateArray()
            .ToDictionary(c => c.GetProperty("id").GetString()!, c => c));

    private static readonly string s_emptyDir = Directory.CreateTempSubdirectory("hocon-extra-").FullName;

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var id in s_cases.Value.Keys)
        {
            if (!s_skip.ContainsKey(id))
            {
                data.Add(id);
            }
        }

        return data;
    }

    [Fact]
    public void Cases_file_has_all_groups()
    {
        s_cases.Value.Count.Should().Be(323);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Extra_case_matches_reference(string id)
    {
        var c = s_cases.Value[id];
        string input = c.GetProperty("input").GetString()!;
        string group = c.GetProperty("group").GetString()!;
        if (group is "concatenation" or "substitution")
        {
            if (c.TryGetProperty("expectedError", out var err))
            {
                AssertError(() => HoconParser.Parse(input, Options(HoconSyntax.Conf)), err.GetString()!, id);
            }
            else
            {
                HoconParser.Parse(input, Options(HoconSyntax.Conf)).Root.ShouldEqual(ConformanceData.FromJson(c.GetProperty("expected")), id);
            }

            return;
        }

        bool hasExpected = c.TryGetProperty("expected", out var expected);
        if (c.GetProperty("validConf").GetBoolean())
        {
            var value = HoconParser.ParseValue(input, Options(HoconSyntax.Conf) with { Resolve = hasExpected || c.GetProperty("validAsObjectDocument").GetBoolean() });
            if (hasExpected)
            {
                value!.ShouldEqual(ConformanceData.FromJson(expected), id);
            }
        }
        else
        {
            AssertError(() => HoconParser.ParseValue(input, Options(HoconSyntax.Conf)), c.GetProperty("confError").GetString()!, id);
        }

        var asJson = () => HoconParser.ParseValue(input, Options(HoconSyntax.Json) with { Resolve = false });
        if (c.GetProperty("validJson").GetBoolean())
        {
            asJson.Should().NotThrow($"{id} is valid JSON");
        }
        else
        {
            asJson.Should().Throw<HoconException>($"{id} is not valid JSON");
        }

        var asDocument = () => HoconParser.Parse(input, Options(HoconSyntax.Conf) with { Resolve = hasExpected || !c.GetProperty("validConf").GetBoolean() });
        if (c.GetProperty("validAsObjectDocument").GetBoolean())
        {
            asDocument.Should().NotThrow();
        }
        else
        {
            asDocument.Should().Throw<HoconException>();
        }
    }

    public static TheoryData<string, int> WhitespaceVariations()
    {
        var data = new TheoryData<string, int>();
        foreach (var (id, c) in s_cases.Value)
        {
            if (c.TryGetProperty("whitespaceMatters", out var wm) && !wm.GetBoolean() && !s_skip.ContainsKey(id))
            {
                for (int v = 0; v < Variants.Length; v++)
                {
                    data.Add(id, v);
                }
            }
        }

        return data;
    }

    private static readonly Func<string, string?>[] Variants =
    [
        s => " " + s,
        s => s + " ",
        s => " " + s + " ",
        s => s.Replace(" ", "", StringComparison.Ordinal),
        s => s.Replace(":", " : ", StringComparison.Ordinal),
        s => s.Replace(",", " , ", StringComparison.Ordinal),
        s => s.Contains(' ') ? s.Replace(' ', '\u2003') : null,
    ];

    [Theory]
    [MemberData(nameof(WhitespaceVariations))]
    public void Whitespace_variation_keeps_validity(string id, int variant)
    {
        var c = s_cases.Value[id];
        string? input = Variants[variant](c.GetProperty("input").GetString()!);
        if (input is null)
        {
            return;
        }

        var parse = () => HoconParser.ParseValue(input, Options(HoconSyntax.Conf) with { Resolve = c.TryGetProperty("expected", out _) || !c.GetProperty("validConf").GetBoolean() });
        if (c.GetProperty("validConf").GetBoolean())
        {
            parse.Should().NotThrow($"variant {variant} of {id}: {input}");
        }
        else
        {
            parse.Should().Throw<HoconException>($"variant {variant} of {id}: {input}");
        }
    }

    private static HoconParseOptions Options(HoconSyntax syntax) => new() { Syntax = syntax, BaseDirectory = s_emptyDir };

    private static void AssertError(Action act, string kind, string id)
    {
        var e = act.Should().Throw<HoconException>($"{id} must fail with {kind}").Which;
        string actualKind = e switch
        {
            HoconBadPathException => "bad-path",
            HoconParseException => "parse",
            HoconWrongTypeException => "wrong-type",
            HoconResolveException => "unresolved-substitution",
            _ => e.GetType().Name,
        };
        actualKind.Should().Be(kind, $"{id}: {e.Message}");
        e.Line.Should().BeGreaterThan(0, $"{id}: the error must have a location ({e.Message})");
    }
}
