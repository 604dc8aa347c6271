using IotActors.Home.Model;
using IotActors.Home.Rules;
using static IotActors.Home.Tests.Rules.RuleFixtures;

namespace IotActors.Home.Tests.Rules;

public sealed class RuleEvaluatorTests
{
    [Fact]
    public void Fan_switches_on_only_after_two_consecutive_samples_above_threshold()
    {
        var (_, decisions) = Run(new RuleEvaluator(Fan()), Series(25.5, 24.8, 25.5, 25.6));
        decisions.Should().ContainSingle();
        decisions[0].DesiredActive.Should().BeTrue();
        decisions[0].Trigger.SequenceNr.Should().Be(4);
        decisions[0].ActuatorId.Should().Be("fan-1");
        decisions[0].Reason.Should().Be("rule fan-auto: avg temperature 25.6 > 25 for 2 sample(s)");
    }

    [Fact]
    public void Fan_switches_off_below_the_lower_threshold_not_at_it()
    {
        var (_, decisions) = Run(new RuleEvaluator(Fan()), Series(26, 26, 24.5, 24.6, 24.4));
        decisions.Select(d => d.DesiredActive).Should().Equal(true, false);
        decisions[1].Trigger.Value.Should().Be(24.4);
    }

    [Fact]
    public void Value_exactly_at_on_threshold_does_not_count()
    {
        var (state, decisions) = Run(new RuleEvaluator(Fan(on: 1)), Series(25.0, 25.0, 25.0));
        decisions.Should().BeEmpty();
        state.AboveCount.Should().Be(0);
    }

    [Fact]
    public void Off_consecutive_count_is_honoured()
    {
        var (_, decisions) = Run(new RuleEvaluator(Fan(on: 1, off: 3)), Series(26, 24, 24, 25, 24, 24, 24));
        decisions.Select(d => d.DesiredActive).Should().Equal(true, false);
        decisions[1].Trigger.SequenceNr.Should().Be(7);
    }

    [Fact]
    public void Repeated_condition_gives_no_second_decision()
    {
        var (_, decisions) = Run(new RuleEvaluator(Fan(on: 1)), Series(26, 27, 28, 29));
        decisions.Should().ContainSingle();
    }

    [Fact]
    public void Knowing_the_actuator_is_on_suppresses_a_redundant_on_decision()
    {
        var (_, decisions) = Run(new RuleEvaluator(Fan(on: 1)), Series(26, 27), RuleState.Knowing(true, T0.AddHours(-1)));
        decisions.Should().BeEmpty();
    }

    [Fact]
    public void Min_dwell_defers_the_switch_until_the_dwell_time_has_passed()
    {
        var evaluator = new RuleEvaluator(Fan(on: 1, minDwell: TimeSpan.FromSeconds(30)));
        // on at t=0; below at t=10, 20 (inside dwell); still below at t=30 -> off.
        var readings = new[] { Temp(26, 1, 0), Temp(24, 2, 10), Temp(24, 3, 20), Temp(24, 4, 30) };
        var (_, decisions) = Run(evaluator, readings);
        decisions.Select(d => (d.DesiredActive, d.At)).Should().Equal((true, T0), (false, T0.AddSeconds(30)));
    }

    [Theory]
    [InlineData(AggregateKind.Avg, 25.5, true)]
    [InlineData(AggregateKind.Max, 27.0, true)]
    [InlineData(AggregateKind.Min, 24.0, false)]
    public void Aggregate_combines_each_sensors_latest_reading(AggregateKind kind, double expected, bool switchesOn)
    {
        var evaluator = new RuleEvaluator(Fan(on: 1, aggregate: kind, sensors: ["a", "b", "c"]));
        var readings = new[] { Temp(30, 1, 0, "a"), Temp(24, 1, 1, "b"), Temp(25.5, 1, 2, "c"), Temp(27, 2, 3, "a") };
        var (state, decisions) = Run(evaluator, readings);
        evaluator.Aggregate(state.Latest, T0.AddSeconds(3)).Should().BeApproximately(expected, 1e-9);
        decisions.LastOrDefault()?.DesiredActive.Should().Be(switchesOn);
    }

    [Fact]
    public void Stale_sensors_are_left_out_of_the_aggregate()
    {
        var evaluator = new RuleEvaluator(Fan(on: 1, staleAfter: TimeSpan.FromSeconds(30), sensors: ["a", "b"]));
        var (state, _) = Run(evaluator, [Temp(20, 1, 0, "a")]);
        (state, var decision) = evaluator.Evaluate(state, Temp(25.2, 1, 60, "b"), T0.AddSeconds(60));
        evaluator.Aggregate(state.Latest, T0.AddSeconds(60)).Should().Be(25.2);
        decision!.AggregateValue.Should().Be(25.2);
    }

    [Fact]
    public void A_reading_that_is_already_stale_when_evaluated_changes_nothing()
    {
        var evaluator = new RuleEvaluator(Fan(on: 1, staleAfter: TimeSpan.FromSeconds(30)));
        var (state, decision) = evaluator.Evaluate(RuleState.Initial, Temp(30, 1, 0), T0.AddMinutes(5));
        decision.Should().BeNull();
        state.AboveCount.Should().Be(0);
        state.Latest.Should().ContainKey("living-room-temp");
    }

    [Fact]
    public void Duplicate_and_older_readings_are_ignored()
    {
        var evaluator = new RuleEvaluator(Fan(on: 2));
        var (state, decisions) = Run(evaluator, [Temp(26, 2, 10), Temp(26, 2, 10), Temp(26, 1, 5)]);
        decisions.Should().BeEmpty();
        state.AboveCount.Should().Be(1);
    }

    [Fact]
    public void Readings_of_other_metrics_sensors_or_non_finite_values_are_ignored()
    {
        var evaluator = new RuleEvaluator(Fan(on: 1));
        var state = RuleState.Initial;
        foreach (var r in new[]
                 {
                     Temp(30, 1, 0) with { Metric = "humidity" },
                     Temp(30, 1, 0, device: "kitchen-temp"),
                     Temp(double.NaN, 1, 0),
                 })
        {
            var (next, decision) = evaluator.Evaluate(state, r, r.SourceTime);
            next.Should().BeSameAs(state);
            decision.Should().BeNull();
        }
    }

    [Fact]
    public void Decision_converts_to_an_idempotent_set_active_command()
    {
        var (_, decisions) = Run(new RuleEvaluator(Fan(on: 1)), Series(26));
        var command = decisions.Single().ToCommand();
        command.Should().Be(new SetActive("fan-1", true, decisions[0].Reason, "rule:fan-auto", decisions[0].Trigger));
    }

    [Fact]
    public void Aggregate_does_not_depend_on_the_order_sensors_reported_in()
    {
        var evaluator = new RuleEvaluator(Fan(on: 1, sensors: ["a", "b", "c"]));
        Reading[] forward = [Temp(0.1, 1, 0, "a"), Temp(0.2, 1, 0, "b"), Temp(0.7, 1, 0, "c")];
        var (s1, _) = Run(evaluator, forward);
        var (s2, _) = Run(evaluator, forward.Reverse());
        var a1 = evaluator.Aggregate(s1.Latest, T0);
        var a2 = evaluator.Aggregate(s2.Latest, T0);
        BitConverter.DoubleToInt64Bits(a1!.Value).Should().Be(BitConverter.DoubleToInt64Bits(a2!.Value));
    }

    [Fact]
    public void Invalid_rule_is_rejected_naming_the_rule()
    {
        var bad = Fan() with { OffBelow = 26 };
        var act = () => new RuleEvaluator(bad);
        act.Should().Throw<RuleConfigurationException>().WithMessage("*rule 'fan-auto'*off-below*less than*on-above*");
    }
}
