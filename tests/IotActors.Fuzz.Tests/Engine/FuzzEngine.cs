using System.Diagnostics;
using System.Security.Cryptography;

namespace IotActors.Fuzz.Engine;

/// <summary>Runs a target over generated and mutated inputs on a worker thread, timing each input and watching memory.</summary>
public static class FuzzEngine
{
    /// <summary>Fuzzes <paramref name="target"/> with inputs from <paramref name="corpus"/>; returns the counts, rate and findings.</summary>
    public static FuzzReport Run(IFuzzTarget target, IReadOnlyList<byte[]> corpus, FuzzOptions options)
    {
        var run = new RunState(target, corpus, options);
        // 1 MiB stack: what thread-pool threads have, so deep recursion is caught as it would be in the node.
        var worker = new Thread(run.Loop, 1 << 20) { IsBackground = true, Name = $"fuzz-{target.Name}" };
        var clock = Stopwatch.StartNew();
        worker.Start();
        long timeoutTicks = (long)(options.PerInputTimeout.TotalSeconds * Stopwatch.Frequency);
        while (!worker.Join(50))
        {
            long started = Volatile.Read(ref run.InputStarted);
            if (started != 0 && Stopwatch.GetTimestamp() - started > timeoutTicks)
            {
                byte[] input = Volatile.Read(ref run.Current) ?? [];
                run.Findings.Add(Save(target.Name, "hang", $"no result after {options.PerInputTimeout.TotalSeconds:F1} s (worker abandoned)", input, options));
                run.Stop = true;
                break;
            }
        }
        clock.Stop();
        if (run.Failure is not null) throw new InvalidOperationException("The fuzz engine itself failed.", run.Failure);
        long growth = Math.Max(run.HeapGrowth, GC.GetTotalMemory(forceFullCollection: true) - run.Baseline);
        if (growth > options.MaxHeapGrowthBytes && run.Findings.Count < options.MaxFindings)
        {
            run.Findings.Add(Save(target.Name, "memory", $"live heap grew by {growth / 1024:N0} KiB over the run", run.LastInput, options));
        }
        if (options.FindingsDirectory is not null) File.Delete(InflightPath(options.FindingsDirectory, target.Name));
        return new FuzzReport(target.Name, options.Seed, run.Done, run.Accepted, run.Rejected, clock.Elapsed, growth, run.MaxAllocated, [.. run.Findings]);
    }

    internal static string InflightPath(string directory, string decoder) => Path.Combine(directory, $"{decoder}-inflight.bin");

    internal static FuzzFinding Save(string decoder, string kind, string detail, byte[] input, FuzzOptions options)
    {
        string? path = null;
        if (options.FindingsDirectory is not null)
        {
            Directory.CreateDirectory(options.FindingsDirectory);
            string hash = Convert.ToHexStringLower(SHA256.HashData(input))[..12];
            path = Path.Combine(options.FindingsDirectory, $"{decoder}-{kind}-{hash}.bin");
            File.WriteAllBytes(path, input);
        }
        var finding = new FuzzFinding(decoder, kind, detail, input, path);
        options.Log?.Invoke(finding.ToString());
        return finding;
    }

    private sealed class RunState(IFuzzTarget target, IReadOnlyList<byte[]> corpus, FuzzOptions options)
    {
        public long InputStarted;
        public byte[]? Current;
        public volatile bool Stop;
        public long Done, Accepted, Rejected, MaxAllocated, Baseline, HeapGrowth;
        public byte[] LastInput = [];
        public readonly List<FuzzFinding> Findings = [];
        public Exception? Failure;
        private readonly HashSet<string> _seen = [];

        public void Loop()
        {
            try
            {
                Baseline = GC.GetTotalMemory(forceFullCollection: true);
                var mutator = new Mutator(new Random(options.Seed), corpus, target.IsText);
                var clock = Stopwatch.StartNew();
                for (long i = 0; i < options.Count && !Stop; i++)
                {
                    byte[] input = mutator.Next();
                    RunOne(input);
                    Done = i + 1;
                    if (Done % options.ProgressEvery == 0) Checkpoint(clock);
                }
            }
            catch (Exception e)
            {
                Failure = e;
            }
        }

        private void RunOne(byte[] input)
        {
            if (input.Length >= options.InflightThreshold && options.FindingsDirectory is not null)
            {
                Directory.CreateDirectory(options.FindingsDirectory);
                File.WriteAllBytes(InflightPath(options.FindingsDirectory, target.Name), input);
            }
            Volatile.Write(ref Current, input);
            long before = GC.GetAllocatedBytesForCurrentThread();
            Volatile.Write(ref InputStarted, Stopwatch.GetTimestamp());
            try
            {
                if (target.Run(input) == FuzzOutcome.Accepted) Accepted++;
                else Rejected++;
            }
            catch (Exception e)
            {
                Record(input, e);
            }
            finally
            {
                Volatile.Write(ref InputStarted, 0);
            }
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            if (allocated > MaxAllocated) MaxAllocated = allocated;
            if (allocated > options.MaxAllocatedPerInput) Add(input, "allocation", $"one {input.Length}-byte input allocated {allocated / 1024:N0} KiB");
            LastInput = input;
        }

        private void Record(byte[] input, Exception e)
        {
            string frame = new StackTrace(e, false).GetFrames().FirstOrDefault(f => f.GetMethod()?.DeclaringType?.Namespace?.StartsWith("IotActors", StringComparison.Ordinal) == true)
                ?.GetMethod()?.Name ?? "?";
            if (!_seen.Add($"{e.GetType().FullName}@{frame}")) { Rejected++; return; }
            Add(input, "exception", $"{e.GetType().FullName} in {frame}: {e.Message}");
        }

        private void Add(byte[] input, string kind, string detail)
        {
            Findings.Add(Save(target.Name, kind, detail, input, options));
            if (Findings.Count >= options.MaxFindings) Stop = true;
        }

        private void Checkpoint(Stopwatch clock)
        {
            long growth = GC.GetTotalMemory(forceFullCollection: true) - Baseline;
            HeapGrowth = Math.Max(HeapGrowth, growth);
            options.Log?.Invoke($"  {target.Name}: {Done:N0} inputs, {Done / clock.Elapsed.TotalSeconds:N0}/s, heap +{growth / 1024:N0} KiB, findings {Findings.Count}");
        }
    }
}
