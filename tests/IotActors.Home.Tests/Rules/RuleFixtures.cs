using IotActors.Home.Model;
using IotActors.Home.Rules;

namespace IotActors.Home.Tests.Rules;

internal static class RuleFixtures
{
    public static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public static RuleDefinition Fan(int on = 2, int off = 1, TimeSpan minDwell = default, TimeSpan? staleAfter = null, AggregateKind aggregate = AggregateKind.Avg, params string[] sensors) =>
        new("fan-auto", "fan-1", sensors.Length == 0 ? ["living-room-temp"] : sensors, "temperature", aggregate, 25.0, 24.5, on, off, minDwell, staleAfter ?? TimeSpan.FromSeconds(30));

    public static Reading Temp(double value, long seq, int second, string device = "living-room-temp") =>
        new(device, "temperature", "C", value, seq, T0.AddSeconds(second));

    /// <summary>Feeds readings (time = source time) and collects the decisions.</summary>
    public static (RuleState State, List<RuleDecision> Decisions) Run(RuleEvaluator evaluator, IEnumerable<Reading> readings, RuleState? start = null)
    {
        var state = start ?? RuleState.Initial;
        var decisions = new List<RuleDecision>();
        foreach (var reading in readings)
        {
            (state, var decision) = evaluator.Evaluate(state, reading, reading.SourceTime);
            if (decision is not null)
            {
                decisions.Add(decision);
            }
        }

        return (state, decisions);
    }

    public static IEnumerable<Reading> Series(params double[] values) => values.Select((v, i) => Temp(v, i + 1, i * 5));
}
