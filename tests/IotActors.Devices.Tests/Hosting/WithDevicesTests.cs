using IotActors.Actors;
using IotActors.Devices.Actors;
using IotActors.Devices.Configuration;
using IotActors.Devices.Tests.Support;
using IotActors.Hocon;
using IotActors.Hosting;
using IotActors.TestKit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IotActors.Devices.Tests.Hosting;

public sealed class WithDevicesTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly CapturingLoggerProvider _logs = new();
    private TestProbe? _owner;

    private IHost BuildHost(string hocon)
    {
        var file = _dir.Write("node.conf", hocon);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddHoconFile(file);
        builder.Logging.SetMinimumLevel(LogLevel.Debug).AddProvider(_logs);
        builder.Services.AddIotActors(b => b.WithDevices(o => o.Owner = (system, _) => (_owner = new TestProbe(system, "home")).Ref));
        return builder.Build();
    }

    [Fact]
    public async Task WithDevices_starts_the_manager_from_hocon_registers_it_and_drives_the_virtual_fan()
    {
        using var host = BuildHost("""
            iotactors {
              node.heartbeat-log-interval = 0s
              device-actors { read-timeout = 3s, backoff { min = 500ms, max = 5s } }
              devices = [
                { id = living-room-temp, kind = simulated-temperature, period = 1s, target = 25.5 }
                { id = fan-1, kind = virtual-fan }
              ]
            }
            """);
        await host.StartAsync();

        var manager = host.Services.GetRequiredService<ActorRegistry>().Get<DeviceManager>();
        manager.Path.ToStringWithoutAddress().Should().Be("/user/devices");
        var list = await manager.Ask<DeviceList>(ListDevices.Instance, TimeSpan.FromSeconds(5));
        list.Devices.Select(d => d.DeviceId).Should().Equal("living-room-temp", "fan-1");

        var sample = (Sample)_owner!.FishForMessage(m => m is Sample, TimeSpan.FromSeconds(5));
        sample.Metrics.Single(m => m.Name == "temperature").Value.Should().Be(25.5);

        (await manager.Ask<OutputSet>(new SetDeviceOutput("fan-1", true, "too warm"), TimeSpan.FromSeconds(5))).Should().Be(new OutputSet("fan-1", true));
        (await manager.Ask<OutputSet>(new SetDeviceOutput("fan-1", false, "cool again"), TimeSpan.FromSeconds(5))).Should().Be(new OutputSet("fan-1", false));
        _logs.Entries.Select(e => e.Message).Should().Contain(["Fan ON (fan-1)", "Fan OFF (fan-1)"]);

        var system = host.Services.GetRequiredService<ActorSystem>();
        await host.StopAsync();
        system.WhenTerminated.IsCompleted.Should().BeTrue();
    }

    [Fact]
    public async Task WithDevices_bad_entry_fails_start_with_the_entry_named()
    {
        using var host = BuildHost("""
            iotactors {
              node.heartbeat-log-interval = 0s
              devices = [
                { id = fan-1, kind = virtual-fan }
                { id = kitchen, kind = dht23 }
              ]
            }
            """);
        var start = () => host.StartAsync();
        (await start.Should().ThrowAsync<DeviceConfigurationException>()).Which.Message.Should().Contain("devices[1] (id 'kitchen'): key 'kind': unknown kind 'dht23'");
        await host.StopAsync();
    }

    [Fact]
    public async Task WithDevices_bad_device_actor_setting_fails_start_with_the_key()
    {
        using var host = BuildHost("""
            iotactors {
              node.heartbeat-log-interval = 0s
              device-actors.backoff.random-factor = 2
            }
            """);
        var start = () => host.StartAsync();
        (await start.Should().ThrowAsync<InvalidSettingException>()).Which.Key.Should().Be("iotactors.device-actors.backoff.random-factor");
        await host.StopAsync();
    }

    [Fact]
    public void Device_actor_settings_are_read_from_configuration_with_defaults()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["iotactors:device-actors:read-timeout"] = "2s",
            ["iotactors:device-actors:max-abandoned-threads"] = "5",
            ["iotactors:device-actors:backoff:max"] = "1m",
        }).Build();
        var settings = DeviceActorSettingsReader.From(config);
        settings.Should().BeEquivalentTo(DeviceActorSettings.Default with { ReadTimeout = TimeSpan.FromSeconds(2), MaxAbandonedThreads = 5, MaxBackoff = TimeSpan.FromMinutes(1) });

        var inverted = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["iotactors:device-actors:backoff:min"] = "10s", ["iotactors:device-actors:backoff:max"] = "5s" }).Build();
        var act = () => DeviceActorSettingsReader.From(inverted);
        act.Should().Throw<InvalidSettingException>().Which.Key.Should().Be("iotactors.device-actors.backoff.max");
    }

    [Fact]
    public void Reference_conf_defaults_match_the_code_defaults()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "IotActors.sln"))) { dir = dir.Parent; }
        var config = new ConfigurationBuilder().AddHoconFile(Path.Combine(dir.FullName, "hocon", "reference.conf")).Build();
        DeviceActorSettingsReader.From(config).Should().Be(DeviceActorSettings.Default);
        DeviceSpecParser.Parse(config.GetSection("iotactors:devices")).Should().BeEmpty();
    }

    public void Dispose() => _dir.Dispose();
}
