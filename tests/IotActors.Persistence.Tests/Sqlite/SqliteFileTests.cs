using IotActors.Persistence.Sqlite;
using IotActors.Persistence.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using static IotActors.Persistence.Tests.Support.Events;

namespace IotActors.Persistence.Tests.Sqlite;

public sealed class SqliteFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private SqliteJournalOptions Options => new() { DataDirectory = _dir.Path };

    public void Dispose() => _dir.Dispose();

    private async Task<string> CreateJournalWithEventsAsync(int count)
    {
        await using var journal = await SqliteJournal.OpenAsync(Options);
        for (var i = 1; i <= count; i++)
        {
            await journal.WriteOneAsync(new AtomicWrite(new PersistentRepr("p", i, "m", new byte[200]) { Tags = ["t"] }));
        }

        return journal.FilePath;
    }

    [Fact]
    public async Task Journal_and_snapshots_live_in_separate_wal_files_in_the_data_directory()
    {
        await using var journal = await SqliteJournal.OpenAsync(Options);
        await using var snapshots = await SqliteSnapshotStore.OpenAsync(new SqliteSnapshotStoreOptions { DataDirectory = _dir.Path });

        journal.FilePath.Should().Be(Path.Combine(_dir.Path, "journal.db"));
        snapshots.FilePath.Should().Be(Path.Combine(_dir.Path, "snapshots.db"));
        using var connection = new SqliteConnection($"Data Source={journal.FilePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        command.ExecuteScalar().Should().Be("wal");
    }

    [Fact]
    public async Task Garbage_over_the_header_fails_startup_naming_the_file()
    {
        var path = await CreateJournalWithEventsAsync(50);
        var garbage = new byte[4096];
        new Random(7).NextBytes(garbage);
        await using (var stream = new FileStream(path, FileMode.Open, FileAccess.Write))
        {
            stream.Write(garbage);
        }

        var error = await FluentActions.Awaiting(() => SqliteJournal.OpenAsync(Options)).Should().ThrowAsync<PersistenceStoreCorruptedException>();

        error.Which.FilePath.Should().Be(path);
        error.Which.Message.Should().Contain(path);
    }

    [Fact]
    public async Task Garbage_inside_the_file_fails_the_startup_check()
    {
        var path = await CreateJournalWithEventsAsync(200);
        var length = new FileInfo(path).Length;
        length.Should().BeGreaterThan(3 * 4096);
        var garbage = new byte[4096];
        new Random(11).NextBytes(garbage);
        await using (var stream = new FileStream(path, FileMode.Open, FileAccess.Write))
        {
            stream.Position = 4096;
            stream.Write(garbage);
        }

        var error = await FluentActions.Awaiting(() => SqliteJournal.OpenAsync(Options)).Should().ThrowAsync<PersistenceStoreCorruptedException>();

        error.Which.FilePath.Should().Be(path);
    }

    [Fact]
    public async Task Truncated_file_fails_startup_naming_the_file()
    {
        var path = await CreateJournalWithEventsAsync(200);
        await using (var stream = new FileStream(path, FileMode.Open, FileAccess.Write))
        {
            stream.SetLength(stream.Length / 2);
        }

        var error = await FluentActions.Awaiting(() => SqliteJournal.OpenAsync(Options)).Should().ThrowAsync<PersistenceStoreCorruptedException>();

        error.Which.FilePath.Should().Be(path);
    }

    [Fact]
    public async Task File_cut_below_one_page_fails_startup()
    {
        var path = await CreateJournalWithEventsAsync(1);
        await using (var stream = new FileStream(path, FileMode.Open, FileAccess.Write))
        {
            stream.SetLength(60);
        }

        await FluentActions.Awaiting(() => SqliteJournal.OpenAsync(Options)).Should().ThrowAsync<PersistenceStoreCorruptedException>();
    }

    [Fact]
    public async Task Corrupt_snapshot_file_fails_startup_naming_the_file()
    {
        var options = new SqliteSnapshotStoreOptions { DataDirectory = _dir.Path };
        await (await SqliteSnapshotStore.OpenAsync(options)).DisposeAsync();
        await File.WriteAllBytesAsync(options.FilePath, new byte[8192]);

        var error = await FluentActions.Awaiting(() => SqliteSnapshotStore.OpenAsync(options)).Should().ThrowAsync<PersistenceStoreCorruptedException>();

        error.Which.FilePath.Should().Be(options.FilePath);
    }

    [Fact]
    public async Task File_from_a_newer_schema_version_is_refused()
    {
        var path = await CreateJournalWithEventsAsync(1);
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = 42;";
            command.ExecuteNonQuery();
        }

        var error = await FluentActions.Awaiting(() => SqliteJournal.OpenAsync(Options)).Should().ThrowAsync<SchemaVersionMismatchException>();

        error.Which.FoundVersion.Should().Be(42);
        error.Which.SupportedVersion.Should().Be(SqliteJournalSchema.Migrations.Count);
        error.Which.Store.Should().Be(path);
    }

    [Fact]
    public async Task Version_1_file_is_migrated_with_tag_index_back_filled()
    {
        var path = Options.FilePath;
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            SqliteDatabase.Migrate(connection, path, SqliteJournalSchema.Migrations, 1, NullLogger.Instance);
            using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO journal (persistence_id, sequence_nr, timestamp, manifest, payload, tags) VALUES
                    ('old', 1, 0, 'm', x'01', 'red' || char(31) || 'blue'),
                    ('old', 2, 0, 'm', x'02', NULL),
                    ('old', 3, 0, 'm', x'03', 'blue');
                """;
            command.ExecuteNonQuery();
        }

        await using var journal = await SqliteJournal.OpenAsync(Options);

        (await journal.CurrentEventsByTag("blue", 0).ToListAsync()).Select(t => t.Event.SequenceNr).Should().Equal(1, 3);
        (await journal.CurrentEventsByTag("red", 0).ToListAsync()).Select(t => t.Event.SequenceNr).Should().Equal(1);
        (await journal.ReplayAsync("old", 1, 3, 3).ToListAsync()).Should().HaveCount(3);
        using var check = new SqliteConnection($"Data Source={path};Pooling=False");
        check.Open();
        using var version = check.CreateCommand();
        version.CommandText = "PRAGMA user_version;";
        version.ExecuteScalar().Should().Be((long)SqliteJournalSchema.Migrations.Count);
    }

    [Fact]
    public async Task Empty_directory_starts_a_new_store_and_reopens_cleanly()
    {
        var path = await CreateJournalWithEventsAsync(3);
        await using var journal = await SqliteJournal.OpenAsync(Options);

        (await journal.ReadHighestSequenceNrAsync("p")).Should().Be(3);
        File.Exists(path).Should().BeTrue();
    }
}
