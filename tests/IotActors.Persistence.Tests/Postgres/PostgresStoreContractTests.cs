using IotActors.Persistence.Postgres;
using IotActors.Persistence.Tests.Contract;
using IotActors.Persistence.Tests.Support;

namespace IotActors.Persistence.Tests.Postgres;

public sealed class PostgresStoreContractTests : StoreContractTests
{
    private readonly string _schema = PgTestDatabase.NewSchema();

    protected override async Task<IJournal> OpenJournalAsync(int readPageSize) =>
        await PostgresJournal.OpenAsync(new PostgresJournalOptions { ConnectionString = PgTestDatabase.ConnectionString, Schema = _schema, ReadPageSize = readPageSize, TimeProvider = Time });

    protected override async Task<ISnapshotStore> OpenSnapshotStoreAsync() =>
        await PostgresSnapshotStore.OpenAsync(new PostgresSnapshotStoreOptions { ConnectionString = PgTestDatabase.ConnectionString, Schema = _schema });

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await PgTestDatabase.DropSchemaAsync(_schema);
    }
}
