namespace IotActors.Hocon.Tests;

public sealed class ParserBehaviourTests
{
    [Fact]
    public void Environment_fallback_is_injectable_and_used_for_self_reference()
    {
        var env = new Dictionary<string, string> { ["PATH"] = "/bin", ["HOST"] = "h1" };
        var c = HoconParser.Parse("path = ${PATH}\":/more\"\nhost = ${?HOST}\nnone = ${?NOPE}", new HoconParseOptions { Environment = env.GetValueOrDefault });
        c.GetString("path").Should().Be("/bin:/more");
        c.GetString("host").Should().Be("h1");
        c.HasPath("none").Should().BeFalse();
    }

    [Fact]
    public void Plus_equals_appends_and_self_reference_extends()
    {
        var c = HoconParser.Parse("a = [1]\na += 2\ns = x\ns = ${s}y");
        c.GetLongList("a").Should().Equal(1, 2);
        c.GetString("s").Should().Be("xy");
    }

    [Theory]
    [InlineData("a = ${b}\nb = ${a}", 2)]
    [InlineData("a {\n  b = ${missing.path}\n}", 2)]
    public void Resolve_errors_name_line_and_column(string text, int line)
    {
        var act = () => HoconParser.Parse(text, new HoconParseOptions { SourceName = "x.conf" });
        var e = act.Should().Throw<HoconResolveException>().Which;
        e.File.Should().Be("x.conf");
        e.Line.Should().Be(line);
        e.Column.Should().BeGreaterThan(0);
    }

    [Theory]
    [InlineData("a = \"unterminated", 1, 5)]
    [InlineData("a = 1\n  b : [1,,2]", 2, 10)]
    [InlineData("a = 1 }", 1, 7)]
    [InlineData("x = 10e+3e", 1, 5)]
    public void Parse_errors_name_line_and_column(string text, int line, int column)
    {
        var act = () => HoconParser.Parse(text);
        var e = act.Should().Throw<HoconParseException>().Which;
        (e.Line, e.Column).Should().Be((line, column), e.Message);
    }

    [Theory]
    [InlineData("include classpath(\"x.conf\")")]
    [InlineData("include url(\"http://localhost/x.conf\")")]
    public void Classpath_and_url_includes_are_not_supported(string text)
    {
        var act = () => HoconParser.Parse(text);
        act.Should().Throw<HoconParseException>().Which.Message.Should().Contain("not supported");
    }

    [Fact]
    public void Required_include_of_missing_file_fails()
    {
        var act = () => HoconParser.Parse("include required(\"no-such-file-here.conf\")", new HoconParseOptions { BaseDirectory = Path.GetTempPath() });
        act.Should().Throw<HoconParseException>().Which.Message.Should().Contain("required include");
    }

    [Theory]
    [InlineData("500ms", 500)]
    [InlineData("2s", 2000)]
    [InlineData("1 minute", 60000)]
    [InlineData("250", 250)]
    public void Durations_are_read_with_units(string text, long millis)
    {
        HoconParser.Parse("d = " + text).GetDuration("d").Should().Be(TimeSpan.FromMilliseconds(millis));
    }

    [Theory]
    [InlineData("64KiB", 65536)]
    [InlineData("1M", 1048576)]
    [InlineData("10MB", 10000000)]
    [InlineData("512", 512)]
    public void Sizes_are_read_with_units(string text, long bytes)
    {
        HoconParser.Parse("s = " + text).GetSize("s").Should().Be(bytes);
    }

    [Fact]
    public void Bad_duration_and_missing_path_give_specific_errors()
    {
        var c = HoconParser.Parse("d = 5 fortnights", new HoconParseOptions { SourceName = "d.conf" });
        var e = ((Action)(() => c.GetDuration("d"))).Should().Throw<HoconWrongTypeException>().Which;
        e.File.Should().Be("d.conf");
        e.Line.Should().Be(1);
        ((Action)(() => c.GetString("nope"))).Should().Throw<HoconMissingPathException>();
    }

    [Fact]
    public void With_fallback_merges_objects_and_keeps_own_values()
    {
        var app = HoconParser.Parse("a { x = 1 }, b = 2");
        var reference = HoconParser.Parse("a { x = 0, y = 3 }, b = 0, c = 4");
        var merged = app.WithFallback(reference);
        merged.GetInt("a.x").Should().Be(1);
        merged.GetInt("a.y").Should().Be(3);
        merged.GetInt("b").Should().Be(2);
        merged.GetInt("c").Should().Be(4);
        merged.GetConfig("a").GetInt("y").Should().Be(3);
    }
}
