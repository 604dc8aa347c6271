using IotActors.Actors;
using IotActors.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IotActors.Hosting.Tests;

public sealed class AddIotActorsTests
{
    private sealed class Echo : ReceiveActor
    {
        public static int PostStops;

        public Echo() => ReceiveAny(m => Sender.Tell(m));

        protected override void PostStop() => Interlocked.Increment(ref PostStops);
    }

    private static IHost BuildHost(Action<IotActorsBuilder> configure, params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.Services.AddIotActors(configure);
        return builder.Build();
    }

    [Fact]
    public async Task Host_start_creates_system_and_actors_and_stop_terminates_it()
    {
        using IHost host = BuildHost(b => b.WithActors((system, registry) => registry.Register<Echo>(system.ActorOf(Props.Create<Echo>(), "echo"))),
            ("iotactors:system-name", "hosted"), ("iotactors:node:heartbeat-log-interval", "0s"));
        await host.StartAsync();

        var system = host.Services.GetRequiredService<ActorSystem>();
        system.Name.Should().Be("hosted");
        var echo = host.Services.GetRequiredService<ActorRegistry>().Get<Echo>();
        (await echo.Ask<string>("ping", TimeSpan.FromSeconds(5))).Should().Be("ping");

        int before = Volatile.Read(ref Echo.PostStops);
        await host.StopAsync();
        system.WhenTerminated.IsCompleted.Should().BeTrue();
        Volatile.Read(ref Echo.PostStops).Should().Be(before + 1);
    }

    [Fact]
    public async Task Actor_settings_come_from_configuration()
    {
        using IHost host = BuildHost(_ => { }, ("iotactors:actor:default-dispatcher:throughput", "7"), ("iotactors:actor:ask-timeout", "250ms"));
        await host.StartAsync();
        var system = host.Services.GetRequiredService<ActorSystem>();
        system.Settings.Throughput.Should().Be(7);
        system.Settings.DefaultAskTimeout.Should().Be(TimeSpan.FromMilliseconds(250));
        await host.StopAsync();
    }

    [Fact]
    public async Task Invalid_setting_fails_start_with_the_key()
    {
        using IHost host = BuildHost(_ => { }, ("iotactors:actor:default-dispatcher:throughput", "-1"));
        var act = () => host.StartAsync();
        (await act.Should().ThrowAsync<InvalidSettingException>()).Which.Key.Should().Be("iotactors.actor.default-dispatcher.throughput");
    }

    [Fact]
    public async Task Startup_steps_run_in_order_before_the_host_reports_started()
    {
        var order = new List<string>();
        using IHost host = BuildHost(b => b
            .AddStartupStep(async (_, _, ct) => { await Task.Yield(); order.Add("transport"); })
            .WithActors((_, _) => order.Add("actors")));
        await host.StartAsync();
        order.Should().Equal("transport", "actors");
        await host.StopAsync();
    }
}
