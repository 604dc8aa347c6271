namespace IotActors.Fuzz.Engine;

/// <summary>Bounds of one fuzz run.</summary>
public sealed record FuzzOptions(long Count, int Seed)
{
    /// <summary>An input that runs longer than this is a hang.</summary>
    public TimeSpan PerInputTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Live-heap growth over the whole run above this is a finding (unbounded memory).</summary>
    public long MaxHeapGrowthBytes { get; init; } = 256L << 20;

    /// <summary>One input allocating more than this is a finding (allocation out of proportion to the input).</summary>
    public long MaxAllocatedPerInput { get; init; } = 256L << 20;

    /// <summary>The run stops after this many findings.</summary>
    public int MaxFindings { get; init; } = 10;

    /// <summary>Where findings (and the in-flight large input) are written; null keeps them in memory only.</summary>
    public string? FindingsDirectory { get; init; }

    /// <summary>Progress lines go here (every <see cref="ProgressEvery"/> inputs); null is quiet.</summary>
    public Action<string>? Log { get; init; }

    public long ProgressEvery { get; init; } = 100_000;

    /// <summary>Inputs at least this long are written to the in-flight file first, so a process-killing crash (stack overflow) keeps them.</summary>
    public int InflightThreshold { get; init; } = 2048;
}
