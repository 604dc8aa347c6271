using IotActors.Home.Audit;
using IotActors.Home.Model;
using IotActors.Home.Storage;

namespace IotActors.Home.Tests.Audit;

public sealed class SqliteAuditLogTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static AuditEntry E(int i, string target = "fan-1", string who = "alice") =>
        new(T0.AddSeconds(i), who, "operator", "set-active", target, "ok", $"entry {i}");

    [Fact]
    public async Task Entries_come_back_newest_first_with_every_field()
    {
        using var log = SqliteAuditLog.OpenInDataDir(_dir.Path);
        await log.AppendAsync(E(1));
        long id = await log.AppendAsync(E(2) with { Outcome = "denied", Detail = "token lacks operator role" });

        var page = await log.QueryAsync(new AuditQuery(10));
        page.Items.Select(r => r.Entry.Detail).Should().Equal("token lacks operator role", "entry 1");
        page.Items[0].Should().Be(new AuditRecord(id, E(2) with { Outcome = "denied", Detail = "token lacks operator role" }));
        page.NextBefore.Should().BeNull();
    }

    [Fact]
    public async Task Paging_walks_every_entry_once_from_newest_to_oldest()
    {
        using var log = SqliteAuditLog.OpenInDataDir(_dir.Path);
        for (int i = 0; i < 25; i++) await log.AppendAsync(E(i));

        var seen = new List<string>();
        long? before = null;
        int pages = 0;
        do
        {
            var page = await log.QueryAsync(new AuditQuery(10, before));
            seen.AddRange(page.Items.Select(r => r.Entry.Detail));
            before = page.NextBefore;
            pages++;
        }
        while (before is not null);

        pages.Should().Be(3);
        seen.Should().Equal(Enumerable.Range(0, 25).Reverse().Select(i => $"entry {i}"));
    }

    [Fact]
    public async Task Queries_filter_by_target_and_actor()
    {
        using var log = SqliteAuditLog.OpenInDataDir(_dir.Path);
        await log.AppendAsync(E(1, "fan-1", "alice"));
        await log.AppendAsync(E(2, "light-1", "bob"));
        await log.AppendAsync(E(3, "fan-1", "bob"));
        (await log.QueryAsync(new AuditQuery(Target: "fan-1"))).Items.Select(r => r.Entry.Detail).Should().Equal("entry 3", "entry 1");
        (await log.QueryAsync(new AuditQuery(Who: "bob", Target: "light-1"))).Items.Should().ContainSingle();
    }

    [Fact]
    public async Task Entries_survive_reopening_and_concurrent_appends_get_distinct_ids()
    {
        using (var log = SqliteAuditLog.OpenInDataDir(_dir.Path))
        {
            var ids = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => log.AppendAsync(E(i))));
            ids.Should().OnlyHaveUniqueItems();
        }

        using var reopened = SqliteAuditLog.OpenInDataDir(_dir.Path);
        (await reopened.QueryAsync(new AuditQuery(100))).Items.Should().HaveCount(20);
    }

    [Fact]
    public async Task Invalid_limit_is_rejected()
    {
        using var log = SqliteAuditLog.OpenInDataDir(_dir.Path);
        await log.Invoking(l => l.QueryAsync(new AuditQuery(0))).Should().ThrowAsync<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void A_corrupt_audit_file_gives_a_clear_error_naming_the_file()
    {
        var path = _dir.File("audit.db");
        File.WriteAllText(path, new string('x', 2048));
        var act = () => SqliteAuditLog.Open(path);
        act.Should().Throw<LocalStoreCorruptedException>().WithMessage($"*{path}*");
    }
}
