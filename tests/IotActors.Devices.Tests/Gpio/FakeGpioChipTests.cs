using IotActors.Devices.Abstractions;
using IotActors.Devices.Gpio;

namespace IotActors.Devices.Tests.Gpio;

public sealed class FakeGpioChipTests
{
    [Fact]
    public void Active_low_output_inverts_the_physical_level_and_starts_at_initial_value()
    {
        using var chip = new FakeGpioChip();
        using var line = chip.OpenOutput(17, new GpioOutputOptions(ActiveLow: true, InitialValue: false));
        chip.GetPhysical(17).Should().BeTrue();
        line.Write(true);
        chip.GetPhysical(17).Should().BeFalse();
        line.Read().Should().BeTrue();
    }

    [Fact]
    public void Busy_line_error_names_the_consumer_holding_it()
    {
        using var chip = new FakeGpioChip();
        chip.Claim(4, "dht11");
        var act = () => chip.OpenOutput(4, new GpioOutputOptions());
        act.Should().Throw<GpioException>().Where(e => e.Kind == GpioErrorKind.LineBusy && e.Message.Contains("'dht11'"));
    }

    [Fact]
    public void Disposing_a_line_releases_it_for_the_next_request()
    {
        using var chip = new FakeGpioChip();
        var first = chip.OpenOutput(17, new GpioOutputOptions());
        chip.GetLineInfo(17).Consumer.Should().Be("iotactors");
        var again = () => chip.OpenInput(17, new GpioInputOptions());
        again.Should().Throw<GpioException>().Where(e => e.Kind == GpioErrorKind.LineBusy && e.Message.Contains("iotactors"));
        first.Dispose();
        chip.GetLineInfo(17).Used.Should().BeFalse();
        using var second = chip.OpenInput(17, new GpioInputOptions());
    }

    [Fact]
    public void Lines_resolve_by_offset_or_name_and_unknown_lines_are_rejected()
    {
        using var chip = new FakeGpioChip();
        GpioLineLocator.Resolve(chip, "GPIO17").Should().Be(17u);
        GpioLineLocator.Resolve(chip, "5").Should().Be(5u);
        var byName = () => GpioLineLocator.Resolve(chip, "GPIO99");
        byName.Should().Throw<GpioException>().Where(e => e.Kind == GpioErrorKind.NoSuchLine && e.Message.Contains("GPIO99"));
        var byOffset = () => GpioLineLocator.Resolve(chip, "40");
        byOffset.Should().Throw<GpioException>().Where(e => e.Kind == GpioErrorKind.NoSuchLine && e.Message.Contains("28 lines"));
        var other = new FakeGpioChip("gpiochip1", 8, ["A", "B", "PIR"]);
        var found = GpioLineLocator.FindByName([chip, other], "PIR");
        found!.Value.Chip.Should().BeSameAs(other);
        found.Value.Offset.Should().Be(2u);
        GpioLineLocator.FindByName([chip, other], "NOPE").Should().BeNull();
    }

    [Fact]
    public void Input_edges_are_reported_in_logical_terms_for_active_low_buttons()
    {
        using var chip = new FakeGpioChip();
        using var line = chip.OpenInput(27, new GpioInputOptions(ActiveLow: true, Bias: GpioBias.PullUp, Edge: GpioEdge.Both));
        line.Read().Should().BeFalse("pull-up holds the pin high, which is inactive for active-low");
        chip.SetPhysical(27, false);
        var press = line.WaitForEdge(TimeSpan.FromSeconds(5));
        press.Should().NotBeNull();
        press!.Rising.Should().BeTrue();
        chip.SetPhysical(27, true);
        line.WaitForEdge(TimeSpan.FromSeconds(5))!.Rising.Should().BeFalse();
        line.WaitForEdge(TimeSpan.Zero).Should().BeNull();
    }

    [Fact]
    public void Edge_wait_wakes_up_when_another_thread_changes_the_level()
    {
        using var chip = new FakeGpioChip();
        using var line = chip.OpenInput(5, new GpioInputOptions(Edge: GpioEdge.Rising));
        var waiter = Task.Run(() => line.WaitForEdge(TimeSpan.FromSeconds(10)));
        chip.SetPhysical(5, true);
        waiter.Wait(TimeSpan.FromSeconds(10)).Should().BeTrue();
        waiter.Result.Should().NotBeNull();
    }

    [Fact]
    public void Output_driver_returns_the_value_read_back_and_counts_failures()
    {
        using var chip = new FakeGpioChip();
        var time = new Support.ManualTimeProvider();
        using var fan = new GpioOutputDriver("fan-1", chip, "GPIO17", new GpioOutputOptions(), time);
        fan.Write(true).Should().BeTrue();
        fan.Current.Should().BeTrue();
        chip.GetPhysical(17).Should().BeTrue();
        chip.FailWrites = true;
        var act = () => fan.Write(false);
        act.Should().Throw<DeviceIoException>().Where(e => e.Message.Contains("fan-1"));
        fan.Health.ConsecutiveErrors.Should().Be(1);
        fan.Current.Should().BeTrue();
        fan.Dispose();
        chip.GetLineInfo(17).Used.Should().BeFalse();
    }

    [Fact]
    public void Input_driver_reports_level_and_edges_since_last_read()
    {
        using var chip = new FakeGpioChip();
        using var pir = new GpioInputDriver("pir-1", chip, "23", new GpioInputOptions(Edge: GpioEdge.Both), time: new Support.ManualTimeProvider());
        chip.SetPhysical(23, true);
        chip.SetPhysical(23, false);
        chip.SetPhysical(23, true);
        var result = pir.Read();
        result.ValueOf("motion").Should().Be(1);
        result.ValueOf("motion-edges").Should().Be(3);
        pir.Read().ValueOf("motion-edges").Should().Be(0);
    }
}
