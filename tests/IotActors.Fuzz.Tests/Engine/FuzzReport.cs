namespace IotActors.Fuzz.Engine;

/// <summary>The result of one fuzz run of one decoder.</summary>
public sealed record FuzzReport(
    string Decoder, int Seed, long Inputs, long Accepted, long Rejected, TimeSpan Elapsed,
    long HeapGrowthBytes, long MaxAllocatedPerInput, IReadOnlyList<FuzzFinding> Findings)
{
    /// <summary>Inputs per second over the run.</summary>
    public double Rate => Elapsed.TotalSeconds > 0 ? Inputs / Elapsed.TotalSeconds : 0;

    public override string ToString() =>
        $"{Decoder}: seed {Seed}, {Inputs:N0} inputs in {Elapsed.TotalSeconds:F1} s ({Rate:N0}/s), accepted {Accepted:N0}, " +
        $"rejected {Rejected:N0}, heap growth {HeapGrowthBytes / 1024:N0} KiB, max alloc/input {MaxAllocatedPerInput / 1024:N0} KiB, findings {Findings.Count}";
}
