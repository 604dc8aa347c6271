using IotActors.Fuzz.Engine;
using IotActors.Fuzz.Targets;

namespace IotActors.Fuzz.Tests;

/// <summary>Bounded fuzz runs with fixed seeds: every decoder only accepts or rejects with its documented error.</summary>
[Trait("Category", "Fuzz")]
public sealed class DecoderFuzzTests
{
    public static TheoryData<string, int> Decoders => new()
    {
        { "frame", 20_000 },
        { "handshake", 30_000 },
        { "hocon", 8_000 },
        { "beacon", 30_000 },
        { "beacon-plaintext", 20_000 },
        { "gateway-udp", 8_000 },
        { "gateway-tcp", 8_000 },
        { "http-ingest", 20_000 },
    };

    [Theory]
    [MemberData(nameof(Decoders))]
    public void Decoder_only_accepts_or_rejects_cleanly_under_mutated_and_random_inputs(string decoder, int count)
    {
        IFuzzTarget target = FuzzTargets.Create(decoder);
        var options = new FuzzOptions(count, Seed: 20261121) { PerInputTimeout = TimeSpan.FromSeconds(5), FindingsDirectory = CorpusStore.FindingsDirectory };

        FuzzReport report = FuzzEngine.Run(target, CorpusStore.Load(target), options);

        report.Findings.Should().BeEmpty(string.Join("\n", report.Findings));
        report.Inputs.Should().Be(count);
        report.Rejected.Should().BeGreaterThan(0, "the fuzzer must reach the decoder's error paths");
        report.Accepted.Should().BeGreaterThan(0, "the fuzzer must reach the decoder's success path");
    }
}
