using IotActors.Persistence.Sqlite;
using IotActors.Persistence.Tests.Contract;
using IotActors.Persistence.Tests.Support;

namespace IotActors.Persistence.Tests.Sqlite;

public sealed class SqliteStoreContractTests : StoreContractTests
{
    private readonly TempDirectory _dir = new();

    protected override async Task<IJournal> OpenJournalAsync(int readPageSize) =>
        await SqliteJournal.OpenAsync(new SqliteJournalOptions { DataDirectory = _dir.Path, ReadPageSize = readPageSize, TimeProvider = Time });

    protected override async Task<ISnapshotStore> OpenSnapshotStoreAsync() =>
        await SqliteSnapshotStore.OpenAsync(new SqliteSnapshotStoreOptions { DataDirectory = _dir.Path });

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _dir.Dispose();
    }
}
