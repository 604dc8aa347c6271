using IotActors.Persistence.Postgres;
using IotActors.Persistence.Tests.Support;

namespace IotActors.Persistence.Tests.Actors;

public sealed class PostgresPersistentActorTests : IAsyncLifetime
{
    private readonly string _schema = PgTestDatabase.NewSchema();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => PgTestDatabase.DropSchemaAsync(_schema);

    [Fact]
    public async Task Persisted_events_and_snapshots_are_recovered_from_postgres_after_a_system_restart()
    {
        await using (var node = await StartAsync())
        {
            var actor = node.Spawn("pg-1");
            node.Probe.ExpectMsg<Recovered>();
            node.Probe.Send(actor, new CmdAll(["a", "b"]));
            node.Probe.ReceiveN(2);
            node.Probe.Send(actor, new Snap());
            node.Probe.ExpectMsg<SaveSnapshotSuccess>();
            node.Probe.Send(actor, new CmdTagged("c", ["pg"]));
            node.Probe.ExpectMsg(new Ack("c", 3));
        }

        await using (var node = await StartAsync())
        {
            var actor = node.Spawn("pg-1");
            node.Probe.ExpectMsg<Offered>().SequenceNr.Should().Be(2);
            node.Probe.ExpectMsg<Recovered>().Items.Should().Equal("a", "b", "c");
            node.Probe.Send(actor, new Cmd("d"));
            node.Probe.ExpectMsg(new Ack("d", 4));
            var tagged = await node.Persistence.CurrentEventsByTag("pg").ToListAsync();
            tagged.Select(e => ((Evt)e.Event).Data).Should().Equal("c");
        }
    }

    private async Task<PersistentNode> StartAsync() =>
        PersistentNode.Start(await PersistenceStores.OpenPostgresAsync(
            new PostgresJournalOptions { ConnectionString = PgTestDatabase.ConnectionString, Schema = _schema },
            new PostgresSnapshotStoreOptions { ConnectionString = PgTestDatabase.ConnectionString, Schema = _schema }));
}
