using FsCheck;
using FsCheck.Fluent;
using IotActors.Home.Model;
using IotActors.Home.Rules;
using static IotActors.Home.Tests.Rules.RuleFixtures;

namespace IotActors.Home.Tests.Rules;

public sealed class RulePropertyTests
{
    private static readonly Config Quick = Config.QuickThrowOnFailure.WithMaxTest(300).WithReplay(20260101UL, 4243UL);

    /// <summary>Values strictly inside the band (24.5, 25.0], plus the band's lower edge.</summary>
    private static readonly Gen<double> InBand = Gen.Choose(0, 500).Select(i => 24.5 + (i / 1000.0));

    private static readonly Gen<double> Anywhere = Gen.Choose(2200, 2800).Select(i => i / 100.0);

    private static Gen<(string Device, double Value, int Gap)> Step(params string[] devices) =>
        from device in Gen.Elements(devices)
        from value in Anywhere
        from gap in Gen.Choose(0, 20)
        select (device, value, gap);

    private static Reading[] ToReadings(IEnumerable<double> values, string device = "living-room-temp") =>
        values.Select((v, i) => Temp(v, i + 1, i * 5, device)).ToArray();

    [Fact]
    public void Readings_oscillating_inside_the_hysteresis_band_never_toggle_the_actuator()
    {
        var gen = from onN in Gen.Choose(1, 4)
                  from offN in Gen.Choose(1, 4)
                  from initial in Gen.Elements<bool?>(null, true, false)
                  from values in Gen.ListOf(InBand)
                  select (onN, offN, initial, values);
        Check.One(Quick, Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var start = c.initial is { } active ? RuleState.Knowing(active, T0.AddHours(-1)) : RuleState.Initial;
            var (_, decisions) = Run(new RuleEvaluator(Fan(c.onN, c.offN)), ToReadings(c.values), start);
            return decisions.Count == 0;
        }));
    }

    [Fact]
    public void Crossing_the_threshold_for_the_consecutive_count_always_switches()
    {
        var gen = from onN in Gen.Choose(1, 5)
                  from offN in Gen.Choose(1, 5)
                  from prefix in Gen.ListOf(Anywhere)
                  from goingOn in Gen.Elements(true, false)
                  from extra in Gen.Choose(0, 3)
                  select (onN, offN, prefix, goingOn, extra);
        Check.One(Quick, Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var evaluator = new RuleEvaluator(Fan(c.onN, c.offN));
            // Whatever came before, N (+extra) consecutive samples beyond a threshold end in that desired state.
            double beyond = c.goingOn ? 25.3 : 24.2;
            int count = (c.goingOn ? c.onN : c.offN) + c.extra;
            var readings = ToReadings(c.prefix.Concat(Enumerable.Repeat(beyond, count)));
            var (state, _) = Run(evaluator, readings);
            return state.Desired == c.goingOn;
        }));
    }

    [Fact]
    public void Crossing_from_the_opposite_state_emits_exactly_one_decision_on_the_nth_sample()
    {
        var gen = from onN in Gen.Choose(1, 5)
                  from offN in Gen.Choose(1, 5)
                  select (onN, offN);
        Check.One(Quick, Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var evaluator = new RuleEvaluator(Fan(c.onN, c.offN));
            var readings = ToReadings(Enumerable.Repeat(24.0, c.offN).Concat(Enumerable.Repeat(26.0, c.onN)));
            var (_, decisions) = Run(evaluator, readings);
            return decisions.Count == 2 && !decisions[0].DesiredActive && decisions[1].DesiredActive
                   && decisions[1].Trigger.SequenceNr == c.offN + c.onN;
        }));
    }

    [Fact]
    public void A_random_sequence_never_produces_two_identical_consecutive_decisions()
    {
        var gen = from onN in Gen.Choose(1, 3)
                  from offN in Gen.Choose(1, 3)
                  from dwell in Gen.Elements(0, 7, 30)
                  from steps in Gen.ListOf(Step("a", "b", "c"))
                  select (onN, offN, dwell, steps);
        Check.One(Quick, Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var evaluator = new RuleEvaluator(Fan(c.onN, c.offN, TimeSpan.FromSeconds(c.dwell), TimeSpan.FromSeconds(15), AggregateKind.Avg, "a", "b", "c"));
            var time = T0;
            long seq = 0;
            var readings = new List<Reading>();
            foreach (var (device, value, gap) in c.steps)
            {
                time = time.AddSeconds(gap);
                readings.Add(new Reading(device, "temperature", "C", value, ++seq, time));
            }

            var (_, decisions) = Run(evaluator, readings);
            return decisions.Zip(decisions.Skip(1)).All(p => p.First.DesiredActive != p.Second.DesiredActive);
        }));
    }

    [Fact]
    public void Two_controllers_fed_the_same_readings_decide_exactly_the_same()
    {
        var gen = from steps in Gen.ListOf(Step("a", "b"))
                  from duplicateEvery in Gen.Choose(2, 5)
                  select (steps, duplicateEvery);
        Check.One(Quick, Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var rule = Fan(2, 1, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(15), AggregateKind.Avg, "a", "b");
            var time = T0;
            var readings = c.steps.Select((s, i) => new Reading(s.Device, "temperature", "C", s.Value, i + 1, time = time.AddSeconds(s.Gap))).ToList();
            // The second controller also receives redelivered duplicates (pub-sub may deliver twice).
            var redelivered = readings.SelectMany((r, i) => i % c.duplicateEvery == 0 ? new[] { r, r } : new[] { r });
            var (_, first) = Run(new RuleEvaluator(rule), readings);
            var (_, second) = Run(new RuleEvaluator(rule), redelivered);
            return first.SequenceEqual(second);
        }));
    }
}
