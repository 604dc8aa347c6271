namespace IotActors.MultiNode.Tests.Soak;

/// <summary>The soak's schedule and exactly-once check on their own, without nodes.</summary>
[Trait("Category", "Soak")]
public sealed class SoakLogicTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Same_seed_gives_the_same_schedule_and_never_more_than_a_minority_is_faulted_or_settling()
    {
        for (int seed = 1; seed < 50; seed++)
        {
            var faults = SoakSchedule.Build(seed, 5, TimeSpan.FromMinutes(30));
            faults.Should().Equal(SoakSchedule.Build(seed, 5, TimeSpan.FromMinutes(30)), (a, b) => a.ToString() == b.ToString());
            faults.Should().NotBeEmpty();
            foreach (var f in faults)
            {
                int busy = faults.Where(o => o.At <= f.At && f.At < o.End + SoakSchedule.Settle).Sum(o => o.Victims.Count);
                busy.Should().BeLessThanOrEqualTo(2, $"seed {seed}: {f}");
            }
        }
    }

    [Fact]
    public void An_acknowledged_change_persisted_twice_or_not_at_all_is_reported()
    {
        var on = Command(0, true, 0, 202, "'fan-2' is now active");
        var off = Command(1, false, 10, 202, "'fan-2' is now idle");
        JournalEvent E(long seq, bool active, int second) => new(seq, active, "command by harness (admin)", T0.AddSeconds(second).AddMilliseconds(100));

        ExactlyOnceCheck.Check("fan-2", [E(1, true, 0), E(2, false, 10)], [on, off], finalActive: false).Should().BeEmpty();
        ExactlyOnceCheck.Check("fan-2", [E(1, true, 0)], [on, off], finalActive: false).Should().NotBeEmpty("the acknowledged idle event is missing");
        ExactlyOnceCheck.Check("fan-2", [E(1, true, 0), E(2, true, 0), E(3, false, 10)], [on, off], finalActive: false)
            .Should().Contain(p => p.Contains("repeats the state", StringComparison.Ordinal));
        ExactlyOnceCheck.Check("fan-2", [E(1, true, 0), E(2, false, 10), E(3, true, 20)], [on, off], finalActive: true)
            .Should().Contain(p => p.Contains("matches no command", StringComparison.Ordinal));
    }

    private static OperatorCommandRecord Command(int index, bool desired, int second, int? status, string body) =>
        new(index, "fan-2", desired, "n2", T0.AddSeconds(second), T0.AddSeconds(second).AddMilliseconds(300), status, body);
}
