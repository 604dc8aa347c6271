using IotActors.Persistence.Postgres;
using IotActors.Persistence.Tests.Support;

namespace IotActors.Persistence.Tests.Postgres;

public sealed class PostgresSchemaTests : IAsyncLifetime
{
    private readonly string _schema = PgTestDatabase.NewSchema();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => PgTestDatabase.DropSchemaAsync(_schema);

    private PostgresJournalOptions Options => new() { ConnectionString = PgTestDatabase.ConnectionString, Schema = _schema };

    [Fact]
    public async Task Schema_from_a_newer_version_is_refused_with_both_versions_named()
    {
        await (await PostgresJournal.OpenAsync(Options)).DisposeAsync();
        await PgTestDatabase.ExecAsync($"UPDATE \"{_schema}\".schema_version SET version = 99");

        var error = await FluentActions.Awaiting(() => PostgresJournal.OpenAsync(Options)).Should().ThrowAsync<SchemaVersionMismatchException>();

        error.Which.FoundVersion.Should().Be(99);
        error.Which.Store.Should().Be(_schema);
    }

    [Fact]
    public async Task Version_1_schema_is_migrated_to_current_and_keeps_events()
    {
        await PostgresSchema.MigrateAsync(Npgsql.NpgsqlDataSource.Create(PgTestDatabase.ConnectionString), _schema, 1, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, default);
        await PgTestDatabase.ExecAsync($"INSERT INTO \"{_schema}\".journal (persistence_id, sequence_nr, timestamp, manifest, payload, tags) VALUES ('old', 1, 0, 'm', '\\x01', ARRAY['t'])");

        await using var journal = await PostgresJournal.OpenAsync(Options);

        (await journal.CurrentEventsByTag("t", 0).ToListAsync()).Select(t => t.Event.PersistenceId).Should().Equal("old");
        await using var dataSource = Npgsql.NpgsqlDataSource.Create(PgTestDatabase.ConnectionString);
        await using var command = dataSource.CreateCommand($"SELECT version FROM \"{_schema}\".schema_version");
        (await command.ExecuteScalarAsync()).Should().Be(PostgresSchema.Migrations.Count);
    }

    [Fact]
    public async Task Unsafe_schema_name_is_refused()
    {
        await FluentActions.Awaiting(() => PostgresJournal.OpenAsync(Options with { Schema = "x; DROP TABLE y" })).Should().ThrowAsync<ArgumentException>();
    }
}
