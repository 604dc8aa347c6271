using IotActors.Devices.Actuators;
using IotActors.Devices.Tests.Support;

namespace IotActors.Devices.Tests.Actuators;

public sealed class VirtualActuatorTests
{
    [Fact]
    public void Virtual_fan_keeps_state_and_logs_fan_on_and_off()
    {
        var log = new ListLogger();
        using var fan = new VirtualActuatorDriver("fan-1", "virtual-fan", "Fan", logger: log, time: new ManualTimeProvider());
        fan.Current.Should().BeFalse();
        fan.Write(true).Should().BeTrue();
        fan.Write(true).Should().BeTrue();
        fan.Write(false).Should().BeFalse();
        fan.Switches.Should().Be(2);
        log.Messages.Should().Equal("Fan ON (fan-1)", "Fan ON (fan-1)", "Fan OFF (fan-1)");
        fan.Health.TotalGood.Should().Be(3);
    }
}
