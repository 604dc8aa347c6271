using Npgsql;

namespace IotActors.Persistence.Tests.Support;

/// <summary>The test PostgreSQL server and a per-test schema name.</summary>
internal static class PgTestDatabase
{
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("IOTACTORS_TEST_PG") is { Length: > 0 } cs
            ? cs
            : "Host=127.0.0.1;Username=iotactors;Password=iotactors;Database=iotactors_test";

    public static string NewSchema() => "t_" + Guid.NewGuid().ToString("N");

    public static async Task DropSchemaAsync(string schema)
    {
        await using var dataSource = NpgsqlDataSource.Create(ConnectionString);
        await using var command = dataSource.CreateCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE");
        await command.ExecuteNonQueryAsync();
    }

    public static async Task ExecAsync(string sql)
    {
        await using var dataSource = NpgsqlDataSource.Create(ConnectionString);
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
