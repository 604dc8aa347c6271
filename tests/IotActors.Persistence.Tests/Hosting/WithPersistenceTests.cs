using IotActors.Actors;
using IotActors.Hosting;
using IotActors.Persistence.Tests.Actors;
using IotActors.Persistence.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IotActors.Persistence.Tests.Hosting;

public sealed class WithPersistenceTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private IHost BuildHost(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(
            new[] { ("iotactors:node:data-dir", _dir.Path), ("iotactors:node:heartbeat-log-interval", "0s") }.Concat(settings)
                .Select(s => new KeyValuePair<string, string?>(s.Item1, s.Item2)));
        builder.Services.AddIotActors(b => b.WithPersistence(s => TestTypes.Register(s)));
        return builder.Build();
    }

    [Fact]
    public async Task A_hosted_node_opens_the_stores_in_its_data_directory_and_persistent_actors_recover_after_a_host_restart()
    {
        for (var run = 0; run < 2; run++)
        {
            using var host = BuildHost(("iotactors:persistence:journal:sqlite:file", "events.db"));
            await host.StartAsync();
            var system = host.Services.GetRequiredService<ActorSystem>();
            var probe = new IotActors.TestKit.TestProbe(system);
            var actor = system.ActorOf(Props.Create(() => new TestPersistentActor("hosted-1", probe.Ref)), "hosted-1");
            probe.ExpectMsg<Recovered>().Items.Should().HaveCount(run);
            probe.Send(actor, new Cmd($"run{run}"));
            probe.ExpectMsg(new Ack($"run{run}", run + 1));
            await host.StopAsync();
        }

        File.Exists(Path.Combine(_dir.Path, "events.db")).Should().BeTrue();
        File.Exists(Path.Combine(_dir.Path, "snapshots.db")).Should().BeTrue();
    }

    [Fact]
    public async Task A_corrupt_journal_file_stops_the_node_start_with_an_error_naming_the_file()
    {
        var file = Path.Combine(_dir.Path, "journal.db");
        await File.WriteAllBytesAsync(file, [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 31))]);
        using var host = BuildHost();
        var start = () => host.StartAsync();
        (await start.Should().ThrowAsync<PersistenceStoreCorruptedException>()).Which.Message.Should().Contain(file);
    }

    [Theory]
    [InlineData("iotactors:persistence:journal:plugin", "mysql", "iotactors.persistence.journal.plugin")]
    [InlineData("iotactors:persistence:snapshot:every", "-1", "iotactors.persistence.snapshot.every")]
    [InlineData("iotactors:persistence:journal:sqlite:file", "../escape.db", "iotactors.persistence.journal.sqlite.file")]
    [InlineData("iotactors:persistence:snapshot:delete-events", "on", "iotactors.persistence.snapshot.delete-events")]
    public async Task An_invalid_persistence_setting_stops_the_start_naming_the_key(string key, string value, string named)
    {
        using var host = key.EndsWith("delete-events", StringComparison.Ordinal)
            ? BuildHost((key, value), ("iotactors:persistence:snapshot:keep", "0"))
            : BuildHost((key, value));
        var start = () => host.StartAsync();
        (await start.Should().ThrowAsync<InvalidSettingException>()).Which.Key.Should().Be(named);
    }

    [Fact]
    public async Task The_postgres_plugin_requires_a_connection_string()
    {
        using var host = BuildHost(("iotactors:persistence:journal:plugin", "postgres"));
        var start = () => host.StartAsync();
        (await start.Should().ThrowAsync<InvalidSettingException>()).Which.Key.Should().Be("iotactors.persistence.journal.postgres.connection-string");
    }
}
