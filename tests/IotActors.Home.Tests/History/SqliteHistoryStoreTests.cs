using IotActors.Home.History;
using IotActors.Home.Model;
using IotActors.Home.Storage;
using Microsoft.Data.Sqlite;

namespace IotActors.Home.Tests.History;

public sealed class SqliteHistoryStoreTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private SqliteHistoryStore Open(int maxQueue = 10_000) =>
        SqliteHistoryStore.Open(SqliteHistoryStoreOptions.ForDataDir(_dir.Path, TimeSpan.FromDays(7), maxQueue));

    private static Reading R(double value, DateTimeOffset at, string device = "t1", string metric = "temperature") =>
        new(device, metric, "C", value, 1, at);

    [Fact]
    public async Task Appended_readings_are_queried_back_per_series()
    {
        await using var store = Open();
        store.Append(R(20, T0)).Should().BeTrue();
        store.Append(R(22, T0.AddSeconds(1))).Should().BeTrue();
        store.Append(R(99, T0.AddSeconds(1), device: "t2")).Should().BeTrue();
        store.Append(R(55, T0.AddSeconds(1), metric: "humidity")).Should().BeTrue();
        await store.FlushAsync();

        var buckets = await store.QueryAsync("t1", "temperature", T0, T0.AddMinutes(1), maxPoints: 1);
        buckets.Should().ContainSingle().Which.Should().Be(new HistoryBucket(T0, T0.AddMinutes(1), 20, 22, 21, 2));
        File.Exists(Path.Combine(_dir.Path, "history.db")).Should().BeTrue();
    }

    [Fact]
    public async Task Downsampling_splits_the_range_into_equal_buckets_computed_in_sql()
    {
        await using var store = Open();
        // One reading per second for 100 s, value = second index.
        for (int i = 0; i < 100; i++) store.Append(R(i, T0.AddSeconds(i)));
        await store.FlushAsync();

        var buckets = await store.QueryAsync("t1", "temperature", T0, T0.AddSeconds(100), maxPoints: 10);
        buckets.Should().HaveCount(10);
        for (int b = 0; b < 10; b++)
        {
            buckets[b].Should().Be(new HistoryBucket(T0.AddSeconds(b * 10), T0.AddSeconds((b + 1) * 10), b * 10, (b * 10) + 9, (b * 10) + 4.5, 10));
        }

        // Uneven: 100 s into 3 buckets of ceil(100/3 s) = 33.334 s; the last bucket is clipped at the range end.
        var three = await store.QueryAsync("t1", "temperature", T0, T0.AddSeconds(100), maxPoints: 3);
        three.Select(x => x.Count).Should().Equal(34, 33, 33); // [0,33.334) [33.334,66.668) [66.668,100)
        three[^1].End.Should().Be(T0.AddSeconds(100));
        three.Sum(x => x.Count).Should().Be(100);
    }

    [Fact]
    public async Task Range_is_half_open_and_empty_buckets_are_left_out()
    {
        await using var store = Open();
        store.Append(R(1, T0));
        store.Append(R(2, T0.AddSeconds(90)));
        store.Append(R(3, T0.AddSeconds(100)));
        await store.FlushAsync();
        var buckets = await store.QueryAsync("t1", "temperature", T0, T0.AddSeconds(100), maxPoints: 10);
        buckets.Select(b => (b.Start, b.Count)).Should().Equal((T0, 1L), (T0.AddSeconds(90), 1L));
    }

    [Fact]
    public async Task Prune_deletes_only_readings_older_than_retention()
    {
        await using var store = Open();
        store.Append(R(1, T0.AddDays(-8)));
        store.Append(R(2, T0.AddDays(-6)));
        store.Append(R(3, T0));
        await store.FlushAsync();

        (await store.PruneAsync(T0)).Should().Be(1);
        var all = await store.QueryAsync("t1", "temperature", T0.AddDays(-10), T0.AddDays(1), 1);
        all.Single().Should().Match<HistoryBucket>(b => b.Count == 2 && b.Min == 2 && b.Max == 3);
        (await store.PruneAsync(T0)).Should().Be(0);
    }

    [Fact]
    public async Task Fifty_thousand_appends_are_all_stored_and_queryable()
    {
        await using var store = Open(maxQueue: 100_000);
        for (int i = 0; i < 50_000; i++)
        {
            store.Append(R(i % 100, T0.AddMilliseconds(i * 100L), device: i % 2 == 0 ? "a" : "b")).Should().BeTrue();
        }

        await store.FlushAsync();
        store.DroppedCount.Should().Be(0);
        var buckets = await store.QueryAsync("a", "temperature", T0, T0.AddHours(2), maxPoints: 200);
        buckets.Sum(b => b.Count).Should().Be(25_000);
        buckets.Count.Should().BeLessThanOrEqualTo(200);
        buckets.Min(b => b.Min).Should().Be(0);
        buckets.Max(b => b.Max).Should().Be(98);
    }

    [Fact]
    public async Task A_full_queue_drops_and_counts_instead_of_blocking()
    {
        long accepted = 0;
        await using (var store = Open(maxQueue: 1))
        {
            for (int i = 0; i < 5_000; i++)
            {
                if (store.Append(R(i, T0.AddMilliseconds(i)))) accepted++;
            }

            await store.FlushAsync();
            (accepted + store.DroppedCount).Should().Be(5_000);
            var stored = await store.QueryAsync("t1", "temperature", T0, T0.AddMinutes(1), 1);
            stored.Sum(b => b.Count).Should().Be(accepted);
        }
    }

    [Fact]
    public async Task Data_survives_reopening_the_file()
    {
        await using (var store = Open())
        {
            store.Append(R(7, T0));
        }

        await using var reopened = Open();
        (await reopened.QueryAsync("t1", "temperature", T0, T0.AddSeconds(1), 5)).Single().Avg.Should().Be(7);
    }

    [Fact]
    public void A_corrupt_file_gives_a_clear_error_naming_the_file()
    {
        var path = Path.Combine(_dir.Path, "history.db");
        File.WriteAllBytes(path, Enumerable.Range(0, 4096).Select(i => (byte)(i * 7)).ToArray());
        var act = () => Open();
        act.Should().Throw<LocalStoreCorruptedException>().Where(e => e.FilePath == path).WithMessage($"*{path}*");
    }

    [Fact]
    public async Task A_file_with_a_valid_header_but_damaged_pages_gives_the_same_clear_error()
    {
        var path = Path.Combine(_dir.Path, "history.db");
        await using (var store = Open())
        {
            store.Append(R(1, T0));
        }

        var bytes = File.ReadAllBytes(path);
        for (int i = 100; i < bytes.Length; i++) bytes[i] = 0xAB;
        File.WriteAllBytes(path, bytes);
        var act = () => Open();
        act.Should().Throw<LocalStoreCorruptedException>().WithMessage($"*{path}*");
    }

    [Fact]
    public async Task A_file_from_a_newer_schema_is_refused()
    {
        var path = Path.Combine(_dir.Path, "history.db");
        await using (Open())
        {
        }

        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = 99;";
            command.ExecuteNonQuery();
        }

        var act = () => Open();
        act.Should().Throw<LocalStoreSchemaException>().Where(e => e.FoundVersion == 99 && e.SupportedVersion == 1).WithMessage($"*{path}*");
    }

    [Fact]
    public async Task Bad_query_arguments_are_rejected()
    {
        await using var store = Open();
        await store.Invoking(s => s.QueryAsync("t1", "temperature", T0, T0, 10)).Should().ThrowAsync<ArgumentException>();
        await store.Invoking(s => s.QueryAsync("t1", "temperature", T0, T0.AddSeconds(1), 0)).Should().ThrowAsync<ArgumentOutOfRangeException>();
    }
}
