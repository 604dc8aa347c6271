using System.Globalization;
using IotActors.Fuzz.Engine;
using IotActors.Fuzz.Targets;

namespace IotActors.Fuzz;

/// <summary>Console entry for long runs: <c>dotnet run -c Release --project tests/IotActors.Fuzz.Tests -- --decoder hocon --count 1000000 --seed 1</c>.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args is ["--export-seeds"]) return ExportSeeds();
        string decoder = "all";
        long count = 1_000_000;
        int seed = 1;
        double timeoutSeconds = 1;
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--decoder": decoder = args[i + 1]; break;
                case "--count": count = long.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--seed": seed = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--timeout": timeoutSeconds = double.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                default:
                    Console.Error.WriteLine($"unknown option {args[i]}; use --decoder <{string.Join("|", FuzzTargets.Names)}|all> --count N --seed N --timeout SECONDS");
                    return 2;
            }
        }
        if (args.Length % 2 != 0)
        {
            Console.Error.WriteLine("options come in pairs: --decoder NAME --count N --seed N --timeout SECONDS");
            return 2;
        }

        IEnumerable<string> names = decoder == "all" ? FuzzTargets.Names : [decoder];
        int findings = 0;
        foreach (string name in names)
        {
            IFuzzTarget target;
            try { target = FuzzTargets.Create(name); }
            catch (ArgumentException e) { Console.Error.WriteLine(e.Message); return 2; }
            var options = new FuzzOptions(count, seed)
            {
                PerInputTimeout = TimeSpan.FromSeconds(timeoutSeconds),
                FindingsDirectory = CorpusStore.FindingsDirectory,
                Log = Console.WriteLine,
            };
            Console.WriteLine($"fuzzing {name}: {count:N0} inputs, seed {seed}, findings go to {options.FindingsDirectory}");
            FuzzReport report = FuzzEngine.Run(target, CorpusStore.Load(target), options);
            Console.WriteLine(report);
            findings += report.Findings.Count;
            if (report.Findings.Any(f => f.Kind == "hang")) break; // the abandoned worker may still be running
        }
        Console.WriteLine(findings == 0 ? "no findings" : $"{findings} finding(s): see above and the findings folder");
        return findings == 0 ? 0 : 1;
    }

    /// <summary>Writes every target's built-in seeds into its corpus folder (seed-N.bin), so the corpus can be read and edited as files.</summary>
    private static int ExportSeeds()
    {
        foreach (string name in FuzzTargets.Names)
        {
            string directory = CorpusStore.CorpusDirectory(name);
            Directory.CreateDirectory(directory);
            int n = 0;
            foreach (byte[] seed in FuzzTargets.Create(name).Seeds()) File.WriteAllBytes(Path.Combine(directory, $"seed-{n++}.bin"), seed);
            Console.WriteLine($"{name}: {n} seeds in {directory}");
        }
        return 0;
    }
}
