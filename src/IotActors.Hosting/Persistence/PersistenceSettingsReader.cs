using IotActors.Persistence;
using IotActors.Persistence.Postgres;
using IotActors.Persistence.Sqlite;
using Microsoft.Extensions.Configuration;

namespace IotActors.Hosting;

/// <summary>Reads and validates <c>iotactors.persistence</c> into <see cref="PersistenceSettings"/>.</summary>
public static class PersistenceSettingsReader
{
    /// <summary>The persistence settings; SQLite files go under <see cref="NodeOptions.DataDirectory"/>.</summary>
    /// <exception cref="InvalidSettingException">A key has a value that is not allowed; the message names it.</exception>
    public static PersistenceSettings From(IConfiguration configuration, NodeOptions node)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(node);
        var root = new SettingsReader(configuration, "iotactors.persistence");
        var journal = root.Section("journal");
        var plugin = journal.OneOf("plugin", "sqlite", "sqlite", "postgres");
        var poll = journal.Duration("tag-poll-interval", TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(10), TimeSpan.FromHours(1));

        var sqlite = journal.Section("sqlite");
        var sqliteJournal = new SqliteJournalOptions { DataDirectory = node.DataDirectory };
        sqliteJournal = sqliteJournal with
        {
            FileName = FileName(sqlite, "file", sqliteJournal.FileName),
            Synchronous = Synchronous(sqlite),
            MaxBatchSize = sqlite.Int("max-batch-size", sqliteJournal.MaxBatchSize, 1, 100_000),
            ReadPageSize = sqlite.Int("read-page-size", sqliteJournal.ReadPageSize, 1, 1_000_000),
            VerifyOnStartup = sqlite.Bool("verify-on-startup", sqliteJournal.VerifyOnStartup),
            TagPollInterval = poll,
        };

        var snapSqlite = root.Section("snapshot-store.sqlite");
        var sqliteSnapshots = new SqliteSnapshotStoreOptions { DataDirectory = node.DataDirectory };
        sqliteSnapshots = sqliteSnapshots with
        {
            FileName = FileName(snapSqlite, "file", sqliteSnapshots.FileName),
            Synchronous = Synchronous(snapSqlite),
            VerifyOnStartup = snapSqlite.Bool("verify-on-startup", sqliteSnapshots.VerifyOnStartup),
        };
        if (plugin == "sqlite" && string.Equals(sqliteJournal.FilePath, sqliteSnapshots.FilePath, StringComparison.Ordinal))
        {
            throw new InvalidSettingException(snapSqlite.KeyOf("file"), sqliteSnapshots.FileName, $"a file other than the journal's ({sqliteJournal.FileName})");
        }

        PostgresJournalOptions? pgJournal = null;
        PostgresSnapshotStoreOptions? pgSnapshots = null;
        if (plugin == "postgres")
        {
            var pg = journal.Section("postgres");
            var connection = pg.RequiredString("connection-string");
            var schema = pg.String("schema", "iotactors");
            if (schema.Length > 63 || !schema.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_') || char.IsAsciiDigit(schema[0]))
            {
                throw new InvalidSettingException(pg.KeyOf("schema"), schema, "lower-case letters, digits and underscores, not starting with a digit, at most 63 characters");
            }

            pgJournal = new PostgresJournalOptions { ConnectionString = connection, Schema = schema };
            pgJournal = pgJournal with
            {
                MaxBatchSize = pg.Int("max-batch-size", pgJournal.MaxBatchSize, 1, 100_000),
                ReadPageSize = pg.Int("read-page-size", pgJournal.ReadPageSize, 1, 1_000_000),
                TagPollInterval = poll,
            };
            pgSnapshots = new PostgresSnapshotStoreOptions { ConnectionString = connection, Schema = schema };
        }

        var snapshot = root.Section("snapshot");
        var policy = new SnapshotPolicyOptions(
            snapshot.Int("every", SnapshotPolicyOptions.Default.SnapshotEvery, 0),
            snapshot.Int("keep", SnapshotPolicyOptions.Default.KeepSnapshots, 0),
            snapshot.Bool("delete-events", SnapshotPolicyOptions.Default.DeleteEventsOnSnapshot));
        if (policy.DeleteEventsOnSnapshot && (policy.KeepSnapshots == 0 || policy.SnapshotEvery == 0))
        {
            throw new InvalidSettingException(snapshot.KeyOf("delete-events"), "on", "off unless snapshot.every > 0 and snapshot.keep > 0 (a kept snapshot must cover the deleted events)");
        }

        return new PersistenceSettings
        {
            Plugin = plugin,
            SqliteJournal = sqliteJournal,
            SqliteSnapshots = sqliteSnapshots,
            PostgresJournal = pgJournal,
            PostgresSnapshots = pgSnapshots,
            SnapshotPolicy = policy,
            ReplayBatchSize = root.Int("replay-batch-size", 1000, 1, 100_000),
            MaxConcurrentRecoveries = root.Int("max-concurrent-recoveries", 16, 1, 10_000),
        };
    }

    private static string FileName(SettingsReader section, string key, string fallback)
    {
        var name = section.String(key, fallback);
        if (name.IndexOfAny(['/', '\\']) >= 0 || name is "." or ".." || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
        {
            throw new InvalidSettingException(section.KeyOf(key), name, "a plain file name (the file is placed in iotactors.node.data-dir)");
        }

        return name;
    }

    private static SqliteSynchronousMode Synchronous(SettingsReader section) =>
        section.OneOf("synchronous", "full", "full", "normal") == "full" ? SqliteSynchronousMode.Full : SqliteSynchronousMode.Normal;
}
