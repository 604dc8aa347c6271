using IotActors.Fuzz.Engine;

namespace IotActors.Fuzz.Tests;

/// <summary>The engine itself: it reports crashes, hangs and memory growth, and is deterministic per seed.</summary>
public sealed class FuzzEngineTests
{
    private sealed class FakeTarget(Func<byte[], FuzzOutcome> run) : IFuzzTarget
    {
        public string Name => "fake";
        public bool IsText => true;
        public IEnumerable<byte[]> Seeds() => ["{\"a\":1}"u8.ToArray(), [1, 2, 3]];
        public FuzzOutcome Run(byte[] input) => run(input);
    }

    private static FuzzReport Run(Func<byte[], FuzzOutcome> run, FuzzOptions options)
    {
        var target = new FakeTarget(run);
        return FuzzEngine.Run(target, [.. target.Seeds()], options);
    }

    [Fact]
    public void Unexpected_exception_is_a_finding_with_the_input()
    {
        var report = Run(input => input.Length > 3 ? throw new NullReferenceException() : FuzzOutcome.Rejected, new FuzzOptions(2000, 1));

        report.Findings.Should().ContainSingle().Which.Kind.Should().Be("exception");
        report.Findings[0].Input.Length.Should().BeGreaterThan(3);
        Convert.FromBase64String(report.Findings[0].Base64).Should().Equal(report.Findings[0].Input);
    }

    [Fact]
    public void Input_that_runs_past_the_time_bound_is_a_hang_finding()
    {
        using var release = new ManualResetEventSlim();
        var report = Run(input => { if (input.Length > 5) release.Wait(); return FuzzOutcome.Accepted; },
            new FuzzOptions(1000, 2) { PerInputTimeout = TimeSpan.FromMilliseconds(200) });
        release.Set();

        report.Findings.Should().ContainSingle().Which.Kind.Should().Be("hang");
        report.Findings[0].Input.Length.Should().BeGreaterThan(5);
    }

    [Fact]
    public void Live_heap_growing_without_bound_is_a_memory_finding()
    {
        var leak = new List<byte[]>();
        var report = Run(_ => { leak.Add(new byte[1024]); return FuzzOutcome.Accepted; },
            new FuzzOptions(20_000, 3) { MaxHeapGrowthBytes = 4 << 20, ProgressEvery = 5000 });

        report.Findings.Should().Contain(f => f.Kind == "memory");
        GC.KeepAlive(leak);
    }

    [Fact]
    public void Same_seed_gives_the_same_inputs()
    {
        static List<string> Inputs(int seed)
        {
            var mutator = new Mutator(new Random(seed), ["{\"a\":[1,2]}"u8.ToArray(), "b = ${a}"u8.ToArray()], text: true);
            return Enumerable.Range(0, 500).Select(_ => Convert.ToBase64String(mutator.Next())).ToList();
        }

        Inputs(7).Should().Equal(Inputs(7));
        Inputs(7).Should().NotEqual(Inputs(8));
    }
}
