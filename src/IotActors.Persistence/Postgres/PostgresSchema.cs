using System.Text.RegularExpressions;
using IotActors.Persistence.Internal;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace IotActors.Persistence.Postgres;

/// <summary>Creates and migrates the PostgreSQL tables of journal and snapshot store, versioned in schema_version.</summary>
internal static partial class PostgresSchema
{
    /// <summary>The migrations; {0} is replaced by the quoted schema name.</summary>
    public static IReadOnlyList<string> Migrations { get; } =
    [
        """
        CREATE TABLE {0}.journal (
            ordering BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            persistence_id TEXT NOT NULL,
            sequence_nr BIGINT NOT NULL,
            timestamp BIGINT NOT NULL,
            manifest TEXT NOT NULL,
            payload BYTEA NOT NULL,
            tags TEXT[] NOT NULL DEFAULT '{{}}',
            UNIQUE (persistence_id, sequence_nr));
        CREATE TABLE {0}.journal_metadata (
            persistence_id TEXT NOT NULL PRIMARY KEY,
            max_deleted_seq BIGINT NOT NULL);
        CREATE TABLE {0}.snapshot (
            persistence_id TEXT NOT NULL,
            sequence_nr BIGINT NOT NULL,
            timestamp BIGINT NOT NULL,
            manifest TEXT NOT NULL,
            payload BYTEA NOT NULL,
            PRIMARY KEY (persistence_id, sequence_nr));
        """,
        "CREATE INDEX journal_tags_idx ON {0}.journal USING GIN (tags);",
    ];

    public static string Quote(string schema)
    {
        if (!SchemaName().IsMatch(schema))
        {
            throw new ArgumentException($"Schema name '{schema}' is not allowed: use 1-63 lower-case letters, digits and underscores, starting with a letter or underscore.", nameof(schema));
        }

        return "\"" + schema + "\"";
    }

    public static async Task MigrateAsync(NpgsqlDataSource dataSource, string schema, int target, ILogger logger, CancellationToken cancellationToken)
    {
        var quoted = Quote(schema);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecAsync(connection, tx, $"SELECT pg_advisory_xact_lock(hashtext('iotactors-schema-{schema}')); CREATE SCHEMA IF NOT EXISTS {quoted}; CREATE TABLE IF NOT EXISTS {quoted}.schema_version (version INT NOT NULL);", cancellationToken).ConfigureAwait(false);
        await using var read = new NpgsqlCommand($"SELECT coalesce(max(version), 0) FROM {quoted}.schema_version;", connection, tx);
        var found = (int)(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        if (found > Migrations.Count)
        {
            throw new SchemaVersionMismatchException(schema, found, Migrations.Count);
        }

        for (var version = found + 1; version <= target; version++)
        {
            await ExecAsync(connection, tx, string.Format(System.Globalization.CultureInfo.InvariantCulture, Migrations[version - 1], quoted), cancellationToken).ConfigureAwait(false);
        }

        if (found < target)
        {
            await ExecAsync(connection, tx, $"DELETE FROM {quoted}.schema_version; INSERT INTO {quoted}.schema_version VALUES ({target});", cancellationToken).ConfigureAwait(false);
        }

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        if (found < target)
        {
            Log.Migrated(logger, schema, found, target);
        }
    }

    private static async Task ExecAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, tx);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex SchemaName();
}
