using System.Diagnostics;
using IotActors.Devices.Gpio;
using IotActors.Devices.Gpio.Linux;
using IotActors.Devices.Tests.Support;
using Xunit.Abstractions;

namespace IotActors.Devices.Tests.Gpio;

public sealed class LinuxGpioChipTests(ITestOutputHelper output)
{
    private const string ConfigRoot = "/sys/kernel/config/gpio-sim";

    [Fact]
    public void Opening_a_missing_chip_throws_no_such_chip_with_a_hint()
    {
        using var dir = new TempDir();
        var act = () => LinuxGpioChip.Open("gpiochip9", dir.Path);
        act.Should().Throw<GpioException>().Where(e => e.Kind == GpioErrorKind.NoSuchChip && e.Errno == 2 && e.Message.Contains("gpiochip9"));
    }

    [Fact]
    public void Opening_a_file_that_is_not_a_gpio_chip_is_rejected_by_the_ioctl()
    {
        using var dir = new TempDir();
        dir.Write("gpiochip0", "not a device");
        var act = () => LinuxGpioChip.Open("gpiochip0", dir.Path);
        act.Should().Throw<GpioException>().Where(e => e.Kind == GpioErrorKind.NoSuchChip && e.Message.Contains("not a GPIO character device"));
    }

    [Fact]
    public void Chips_are_listed_in_numeric_order()
    {
        using var dir = new TempDir();
        dir.Write("gpiochip10", string.Empty);
        dir.Write("gpiochip2", string.Empty);
        dir.Write("ttyS0", string.Empty);
        LinuxGpioChip.ListChips(dir.Path).Select(Path.GetFileName).Should().Equal("gpiochip2", "gpiochip10");
    }

    [Fact]
    public void Real_gpio_sim_chip_toggles_line_when_module_available()
    {
        if (!TryPrepareGpioSim(out var reason))
        {
            output.WriteLine("SKIPPED (returned early): " + reason);
            return;
        }

        var name = "iotactors-" + Guid.NewGuid().ToString("N")[..8];
        var dev = Path.Combine(ConfigRoot, name);
        var bank = Path.Combine(dev, "bank0");
        Directory.CreateDirectory(dev);
        try
        {
            Directory.CreateDirectory(bank);
            File.WriteAllText(Path.Combine(bank, "num_lines"), "8");
            Directory.CreateDirectory(Path.Combine(bank, "line3"));
            File.WriteAllText(Path.Combine(bank, "line3", "name"), "IOTA_FAN");
            File.WriteAllText(Path.Combine(dev, "live"), "1");
            var chipName = File.ReadAllText(Path.Combine(bank, "chip_name")).Trim();
            var devName = File.ReadAllText(Path.Combine(dev, "dev_name")).Trim();
            var sim = $"/sys/devices/platform/{devName}/{chipName}";
            output.WriteLine($"gpio-sim chip {chipName} ({devName})");

            using var chip = LinuxGpioChip.Open(chipName);
            chip.LineCount.Should().Be(8);
            chip.TryFindLine("IOTA_FAN", out var offset).Should().BeTrue();
            offset.Should().Be(3u);
            using (var fan = chip.OpenOutput(offset, new GpioOutputOptions(InitialValue: false)))
            {
                chip.GetLineInfo(offset).Consumer.Should().Be("iotactors");
                fan.Write(true);
                File.ReadAllText($"{sim}/sim_gpio3/value").Trim().Should().Be("1");
                fan.Write(false);
                File.ReadAllText($"{sim}/sim_gpio3/value").Trim().Should().Be("0");
                var busy = () => chip.OpenInput(offset, new GpioInputOptions());
                busy.Should().Throw<GpioException>().Where(e => e.Kind == GpioErrorKind.LineBusy && e.Message.Contains("iotactors"));
            }

            chip.GetLineInfo(offset).Used.Should().BeFalse();
            using var button = chip.OpenInput(5, new GpioInputOptions(Edge: GpioEdge.Both));
            File.WriteAllText($"{sim}/sim_gpio5/pull", "pull-up");
            var edge = button.WaitForEdge(TimeSpan.FromSeconds(5));
            edge.Should().NotBeNull();
            edge!.Rising.Should().BeTrue();
            button.Read().Should().BeTrue();
        }
        finally
        {
            TryWrite(Path.Combine(dev, "live"), "0");
            TryDelete(Path.Combine(bank, "line3"));
            TryDelete(bank);
            TryDelete(dev);
        }
    }

    private static bool TryPrepareGpioSim(out string reason)
    {
        if (!OperatingSystem.IsLinux())
        {
            reason = "not Linux";
            return false;
        }

        if (!Directory.Exists(ConfigRoot))
        {
            Run("modprobe", "gpio-sim");
            if (Directory.Exists("/sys/kernel/config") && !Directory.Exists(ConfigRoot))
            {
                Run("mount", "-t configfs none /sys/kernel/config");
            }
        }

        if (!Directory.Exists(ConfigRoot))
        {
            reason = $"{ConfigRoot} does not exist: the gpio-sim module could not be loaded (needs CONFIG_GPIO_SIM, root, and configfs mounted at /sys/kernel/config)";
            return false;
        }

        reason = string.Empty;
        return true;
    }

    private static void Run(string file, string args)
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardError = true, RedirectStandardOutput = true });
            p?.WaitForExit(10_000);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // Tool not installed: the caller reports the missing configfs directory.
        }
    }

    private static void TryWrite(string path, string text)
    {
        try
        {
            File.WriteAllText(path, text);
        }
        catch (IOException)
        {
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            Directory.Delete(path);
        }
        catch (IOException)
        {
        }
    }
}
