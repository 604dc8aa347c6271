using IotActors.Actors;
using IotActors.Home.Model;
using IotActors.Home.Sensors;
using IotActors.Home.Wiring;
using IotActors.TestKit;

namespace IotActors.Home.Tests.Wiring;

public sealed class SiteViewTests
{
    private static readonly DeviceHealthPolicy Health = new(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2));

    [Fact]
    public async Task A_sensor_of_a_dead_node_turns_offline_counted_from_its_last_sample_not_from_its_last_health_write()
    {
        var clock = new ManualTimeProvider();
        var view = new SiteView(clock, Health, ActorRefs.Nobody, TimeSpan.FromSeconds(1));
        var seen = clock.GetUtcNow();
        var reading = new Reading("t1", "temperature", "C", 21.5, 7, seen, "iot://a@h:1");

        // The owner wrote "stale" 31 s after the last sample, then died.
        view.Apply(new SiteDeviceState("t1", DeviceKind.Sensor, reading, null, DeviceHealth.Stale, "iot://a@h:1", 3, seen.AddSeconds(31), LastSeenAt: seen));

        clock.Advance(TimeSpan.FromSeconds(119));
        (await view.GetDeviceAsync("t1"))!.Health.Should().Be(DeviceHealth.Stale);
        clock.Advance(TimeSpan.FromSeconds(2));
        (await view.GetDeviceAsync("t1"))!.Health.Should().Be(DeviceHealth.Offline, "two minutes have passed since the last sample");
        (await view.ListDevicesAsync()).Single().Health.Should().Be(DeviceHealth.Offline);
    }

    [Fact]
    public async Task An_entry_without_a_last_seen_time_is_judged_from_its_update_time()
    {
        var clock = new ManualTimeProvider();
        var view = new SiteView(clock, Health, ActorRefs.Nobody, TimeSpan.FromSeconds(1));
        var at = clock.GetUtcNow();
        var reading = new Reading("t1", "temperature", "C", 21.5, 7, at, "iot://a@h:1");
        view.Apply(new SiteDeviceState("t1", DeviceKind.Sensor, reading, null, DeviceHealth.Online, "iot://a@h:1", 3, at));

        clock.Advance(TimeSpan.FromSeconds(31));
        (await view.GetDeviceAsync("t1"))!.Health.Should().Be(DeviceHealth.Stale);
    }
}
