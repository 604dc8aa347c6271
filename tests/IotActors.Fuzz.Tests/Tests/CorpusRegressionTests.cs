using System.Text;
using System.Text.Json;
using IotActors.Fuzz.Engine;
using IotActors.Fuzz.Targets;
using IotActors.Hocon;
using IotActors.Node.Api.Ingest;
using IotActors.Node.Gateways;
using IotActors.TestKit;

namespace IotActors.Fuzz.Tests;

/// <summary>Every corpus file (seeds and past findings) decodes or fails cleanly; each past finding has its own named test.</summary>
[Trait("Category", "Fuzz")]
public sealed class CorpusRegressionTests
{
    public static TheoryData<string, string> CorpusFiles()
    {
        var data = new TheoryData<string, string>();
        foreach (string decoder in FuzzTargets.Names)
        {
            foreach (var (name, _) in CorpusStore.Files(decoder)) data.Add(decoder, name);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Corpus_file_is_accepted_or_rejected_cleanly(string decoder, string file)
    {
        byte[] input = File.ReadAllBytes(Path.Combine(CorpusStore.CorpusDirectory(decoder), file));
        var act = () => FuzzTargets.Create(decoder).Run(input);
        act.Should().NotThrow();
    }

    [Fact]
    public void Every_decoder_has_a_corpus_folder_with_seeds()
    {
        foreach (string decoder in FuzzTargets.Names) CorpusStore.Files(decoder).Should().NotBeEmpty(decoder);
    }

    [Theory]
    [InlineData("{a:", "}")]
    [InlineData("[", "]")]
    [InlineData("a.", "")]
    public void Hocon_nesting_deeper_than_the_limit_is_a_parse_error_not_a_stack_overflow(string open, string close)
    {
        string text = "x = " + string.Concat(Enumerable.Repeat(open, 100_000)) + "1" + string.Concat(Enumerable.Repeat(close, 100_000));
        if (open == "a.") text = string.Concat(Enumerable.Repeat(open, 100_000)) + "b = 1";

        var act = () => HoconParser.Parse(text);

        act.Should().Throw<HoconParseException>().Which.Reason.Should().Contain("nested more than");
    }

    [Fact]
    public void Hocon_nesting_within_the_limit_still_parses()
    {
        string text = "x = " + string.Concat(Enumerable.Repeat("{a:", 90)) + "1" + new string('}', 90);
        HoconParser.Parse(text).GetInt("x." + string.Join('.', Enumerable.Repeat("a", 90))).Should().Be(1);
    }

    [Theory]
    [InlineData("{\"device\":\"t\xE4\",\"value\":1}")]
    [InlineData("{\"device\":\"t1\",\"value\":1,\"unit\":\"\\udc00\"}")]
    [InlineData("{\"sensor_id\":\"t1\",\"value\":1,\"timestamp\":\"2026\xFF\"}")]
    public void Gateway_string_with_invalid_utf8_or_lone_surrogate_is_rejected_as_malformed(string latin1)
    {
        var time = new ManualTimeProvider();
        var decoder = new PeerMessageDecoder(null, new ReplayGuard(time, TimeSpan.FromMinutes(5), 100), time, allowUnsigned: true);

        DecodedMessage result = decoder.Decode(Encoding.Latin1.GetBytes(latin1), "test");

        result.Rejection.Should().Be(RejectReason.Malformed);
        result.Detail.Should().Contain("UTF-8");
    }

    [Theory]
    [InlineData("{\"metric\":\"te\xF4mp\",\"value\":21.5}")]
    [InlineData("{\"te\xF4mp\":21.5}")]
    [InlineData("[{\"device\":\"t\xD0\",\"value\":1,\"metric\":\"x\"}]")]
    public void Ingest_body_with_invalid_utf8_is_a_clean_error(string latin1)
    {
        using JsonDocument document = JsonDocument.Parse(Encoding.Latin1.GetBytes(latin1));
        var now = DateTimeOffset.UnixEpoch;

        var one = IngestParser.ParseObject(document.RootElement, "t1", "test", now);
        var batch = IngestParser.ParseBatch(document.RootElement, 10, "test", now);

        new[] { one.Error, batch.Error }.Should().Contain(e => e != null && e.Contains("UTF-8"));
        one.Error.Should().NotBeNull();
        batch.Error.Should().NotBeNull();
        one.Readings.Should().BeEmpty();
        batch.Readings.Should().BeEmpty();
    }
}
