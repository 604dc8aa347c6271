using IotActors.Home.Rules;
using static IotActors.Home.Tests.Rules.RuleFixtures;

namespace IotActors.Home.Tests.Rules;

public sealed class RuleSetTests
{
    [Fact]
    public void Add_replace_remove_return_new_versions_and_leave_old_sets_unchanged()
    {
        var v1 = RuleSet.Empty.Add(Fan());
        var v2 = v1.Replace(Fan() with { OnAbove = 26 });
        var v3 = v2.Remove("fan-auto");

        (v1.Version, v2.Version, v3.Version).Should().Be((1L, 2L, 3L));
        v1.Find("fan-auto")!.OnAbove.Should().Be(25);
        v2.Find("fan-auto")!.OnAbove.Should().Be(26);
        v3.Count.Should().Be(0);
        RuleSet.Empty.Count.Should().Be(0);
    }

    [Fact]
    public void Adding_an_existing_id_or_replacing_a_missing_one_fails_with_a_clear_message()
    {
        var set = RuleSet.Empty.Add(Fan());
        set.Invoking(s => s.Add(Fan())).Should().Throw<RuleConfigurationException>().WithMessage("*'fan-auto'*already exists*Replace*");
        set.Invoking(s => s.Replace(Fan() with { Id = "other" })).Should().Throw<RuleConfigurationException>().WithMessage("*'other'*no rule*Add*");
        set.Invoking(s => s.Remove("nope")).Should().Throw<RuleConfigurationException>().WithMessage("*'nope'*");
    }

    [Fact]
    public void A_second_rule_for_the_same_actuator_is_rejected()
    {
        var set = RuleSet.Empty.Add(Fan());
        set.Invoking(s => s.Add(Fan() with { Id = "fan-humid", Metric = "humidity" }))
            .Should().Throw<RuleConfigurationException>().WithMessage("*actuator 'fan-1' is already commanded by rule 'fan-auto'*");
    }

    [Fact]
    public void Invalid_rules_are_not_added()
    {
        RuleSet.Empty.Invoking(s => s.Add(Fan() with { OnConsecutive = 0 })).Should().Throw<RuleConfigurationException>().WithMessage("*consecutive*at least 1*");
        RuleSet.Empty.Invoking(s => s.Add(Fan() with { Sensors = [] })).Should().Throw<RuleConfigurationException>().WithMessage("*sensors*");
    }

    [Fact]
    public void Lookups_by_sensor_and_actuator_find_the_rule()
    {
        var set = RuleSet.From([Fan(), Fan(sensors: ["x", "y"]) with { Id = "light", ActuatorId = "light-1" }]);
        set.Version.Should().Be(1);
        set.ForActuator("light-1")!.Id.Should().Be("light");
        set.ForSensor("y").Select(r => r.Id).Should().Equal("light");
        set.ForSensor("living-room-temp").Select(r => r.Id).Should().Equal("fan-auto");
        set.Rules.Select(r => r.Id).Should().Equal("fan-auto", "light");
    }

    [Fact]
    public void Rule_definitions_compare_by_value_including_sensors()
    {
        Fan(sensors: ["a", "b"]).Should().Be(Fan(sensors: ["a", "b"]));
        Fan(sensors: ["a", "b"]).Should().NotBe(Fan(sensors: ["b", "a"]));
    }
}
