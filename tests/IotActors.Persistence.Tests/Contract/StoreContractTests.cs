using IotActors.Persistence.Tests.Support;
using static IotActors.Persistence.Tests.Support.Events;

namespace IotActors.Persistence.Tests.Contract;

/// <summary>The journal and snapshot contract every store must satisfy; subclasses supply the stores.</summary>
public abstract partial class StoreContractTests : IAsyncLifetime
{
    protected static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private IJournal? _journal;
    private ISnapshotStore? _snapshots;

    protected FixedTimeProvider Time { get; } = new(Epoch);

    protected IJournal Journal => _journal!;

    protected IReadJournal Queries => (IReadJournal)_journal!;

    protected ISnapshotStore Snapshots => _snapshots!;

    /// <summary>Opens the store under test; page size is small so paging is exercised.</summary>
    protected abstract Task<IJournal> OpenJournalAsync(int readPageSize);

    protected abstract Task<ISnapshotStore> OpenSnapshotStoreAsync();

    protected async Task ReopenAsync()
    {
        await _journal!.DisposeAsync();
        await _snapshots!.DisposeAsync();
        _journal = await OpenJournalAsync(7);
        _snapshots = await OpenSnapshotStoreAsync();
    }

    public virtual async Task InitializeAsync()
    {
        _journal = await OpenJournalAsync(7);
        _snapshots = await OpenSnapshotStoreAsync();
    }

    public virtual async Task DisposeAsync()
    {
        if (_journal is not null)
        {
            await _journal.DisposeAsync();
        }

        if (_snapshots is not null)
        {
            await _snapshots.DisposeAsync();
        }
    }

    [Fact]
    public async Task Persisted_events_are_replayed_in_order_after_reopen()
    {
        for (var i = 1; i <= 20; i++)
        {
            await Journal.WriteOneAsync(Write("a", i));
        }

        await ReopenAsync();

        var events = await Journal.ReplayAsync("a", 1, long.MaxValue, long.MaxValue).ToListAsync();
        events.Select(e => e.SequenceNr).Should().Equal(Enumerable.Range(1, 20).Select(i => (long)i));
        events.Select(Text).Should().Equal(Enumerable.Range(1, 20).Select(i => $"a:{i}"));
        events.Should().OnlyContain(e => e.Manifest == "test.v1" && e.PersistenceId == "a");
        (await Journal.ReadHighestSequenceNrAsync("a")).Should().Be(20);
        (await Journal.ReadHighestSequenceNrAsync("unknown")).Should().Be(0);
    }

    [Fact]
    public async Task Highest_sequence_number_counts_writes_handed_to_the_journal_before_the_read_even_if_not_yet_committed()
    {
        // What a persistent actor restarted mid-write relies on: its new incarnation must not reuse a sequence number.
        var writes = Enumerable.Range(1, 300).Select(i => Journal.WriteAsync([Write("w", i)])).ToList();

        (await Journal.ReadHighestSequenceNrAsync("w")).Should().Be(300);
        foreach (var result in await Task.WhenAll(writes))
        {
            result.Should().OnlyContain(r => r.IsSuccess);
        }
    }

    [Fact]
    public async Task Store_stamps_events_with_its_clock_and_keeps_given_timestamps()
    {
        await Journal.WriteOneAsync(Write("a", 1));
        await Journal.WriteOneAsync(new AtomicWrite(Event("a", 2) with { Timestamp = Epoch.AddDays(3) }));

        var events = await Journal.ReplayAsync("a", 1, 2, 10).ToListAsync();

        events[0].Timestamp.Should().Be(Epoch);
        events[1].Timestamp.Should().Be(Epoch.AddDays(3));
    }

    [Fact]
    public async Task Replay_respects_from_to_and_max_bounds()
    {
        await Journal.WriteAsync([Range("a", 1, 30), Range("b", 1, 5)]);

        (await Journal.ReplayAsync("a", 5, 12, long.MaxValue).ToListAsync()).Select(e => e.SequenceNr).Should().Equal(5, 6, 7, 8, 9, 10, 11, 12);
        (await Journal.ReplayAsync("a", 5, long.MaxValue, 10).ToListAsync()).Select(e => e.SequenceNr).Should().Equal(5, 6, 7, 8, 9, 10, 11, 12, 13, 14);
        (await Journal.ReplayAsync("a", 1, 30, 0).ToListAsync()).Should().BeEmpty();
        (await Journal.ReplayAsync("a", 31, long.MaxValue, long.MaxValue).ToListAsync()).Should().BeEmpty();
        (await Journal.ReplayAsync("a", 10, 9, long.MaxValue).ToListAsync()).Should().BeEmpty();
        (await Journal.ReplayAsync("a", 1, long.MaxValue, long.MaxValue).ToListAsync()).Should().HaveCount(30);
        (await Queries.CurrentEventsByPersistenceId("b", 2, 4).ToListAsync()).Select(e => e.SequenceNr).Should().Equal(2, 3, 4);
    }

    [Fact]
    public async Task Duplicate_sequence_nr_is_rejected_and_stored_event_is_unchanged()
    {
        await Journal.WriteOneAsync(Write("a", 1));
        var duplicate = new AtomicWrite(new PersistentRepr("a", 1, "other", [9, 9]));

        var results = await Journal.WriteAsync([duplicate]);

        results[0].IsSuccess.Should().BeFalse();
        results[0].Rejection.Should().BeOfType<SequenceNumberConflictException>().Which.PersistenceId.Should().Be("a");
        var stored = await Journal.ReplayAsync("a", 1, 1, 1).ToListAsync();
        Text(stored.Single()).Should().Be("a:1");
    }

    [Fact]
    public async Task Batch_with_a_rejected_write_stores_the_others_and_nothing_of_the_rejected_one()
    {
        await Journal.WriteOneAsync(Write("a", 3));

        var results = await Journal.WriteAsync([Write("b", 1), Range("a", 1, 3), Write("c", 1), Write("b", 1)]);

        results.Select(r => r.IsSuccess).Should().Equal(true, false, true, false);
        (await Journal.ReplayAsync("a", 1, 10, 10).ToListAsync()).Select(e => e.SequenceNr).Should().Equal(3);
        (await Journal.ReadHighestSequenceNrAsync("b")).Should().Be(1);
        (await Journal.ReadHighestSequenceNrAsync("c")).Should().Be(1);
    }

    [Fact]
    public async Task Delete_removes_events_up_to_bound_but_keeps_highest_sequence_nr()
    {
        await Journal.WriteOneAsync(Range("a", 1, 10));

        await Journal.DeleteMessagesToAsync("a", 4);
        (await Journal.ReplayAsync("a", 1, long.MaxValue, long.MaxValue).ToListAsync()).Select(e => e.SequenceNr).Should().Equal(5, 6, 7, 8, 9, 10);

        await Journal.DeleteMessagesToAsync("a", long.MaxValue);
        (await Journal.ReplayAsync("a", 1, long.MaxValue, long.MaxValue).ToListAsync()).Should().BeEmpty();
        (await Journal.ReadHighestSequenceNrAsync("a")).Should().Be(10);

        await ReopenAsync();
        (await Journal.ReadHighestSequenceNrAsync("a")).Should().Be(10);
    }

    [Fact]
    public async Task Write_reusing_a_deleted_sequence_nr_is_rejected()
    {
        await Journal.WriteOneAsync(Range("a", 1, 5));
        await Journal.DeleteMessagesToAsync("a", 5);

        var results = await Journal.WriteAsync([Write("a", 3), Write("a", 6)]);

        results[0].Rejection.Should().BeOfType<SequenceNumberConflictException>();
        results[1].IsSuccess.Should().BeTrue();
    }

    [Fact]
    public async Task Events_by_tag_come_in_global_order_and_resume_after_offset()
    {
        await Journal.WriteOneAsync(Write("a", 1, "red"));
        await Journal.WriteOneAsync(Write("b", 1, "blue"));
        await Journal.WriteOneAsync(Write("b", 2, "red", "blue"));
        for (var i = 2; i <= 12; i++)
        {
            await Journal.WriteOneAsync(Write("a", i, "red"));
        }

        var red = await Queries.CurrentEventsByTag("red", 0).ToListAsync();
        red.Select(t => $"{t.Event.PersistenceId}:{t.Event.SequenceNr}").Should().Equal(
            new[] { "a:1", "b:2" }.Concat(Enumerable.Range(2, 11).Select(i => $"a:{i}")));
        red.Select(t => t.Offset).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        red[1].Event.Tags.Should().BeEquivalentTo("red", "blue");

        var resumed = await Queries.CurrentEventsByTag("red", red[1].Offset).ToListAsync();
        resumed.Select(t => t.Offset).Should().Equal(red.Skip(2).Select(t => t.Offset));
        (await Queries.CurrentEventsByTag("blue", 0).ToListAsync()).Select(t => Text(t.Event)).Should().Equal("b:1", "b:2");
        (await Queries.CurrentEventsByTag("green", 0).ToListAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Deleted_events_disappear_from_tag_queries()
    {
        await Journal.WriteOneAsync(Write("a", 1, "red"));
        await Journal.WriteOneAsync(Write("a", 2, "red"));
        await Journal.DeleteMessagesToAsync("a", 1);

        (await Queries.CurrentEventsByTag("red", 0).ToListAsync()).Select(t => t.Event.SequenceNr).Should().Equal(2);
    }

    [Fact]
    public async Task Live_events_by_tag_delivers_events_written_after_subscribing()
    {
        await Journal.WriteOneAsync(Write("a", 1, "live"));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var seen = new List<long>();
        var reading = Task.Run(async () =>
        {
            await foreach (var t in Queries.EventsByTag("live", 0, cts.Token))
            {
                seen.Add(t.Event.SequenceNr);
                if (seen.Count == 3)
                {
                    return;
                }
            }
        });

        await Journal.WriteOneAsync(Write("a", 2));
        await Journal.WriteOneAsync(Write("a", 3, "live"));
        await Journal.WriteOneAsync(Write("a", 4, "live"));

        await reading.WaitAsync(TimeSpan.FromSeconds(20));
        seen.Should().Equal(1, 3, 4);
    }

    [Fact]
    public async Task Live_events_by_tag_ends_with_cancellation()
    {
        using var cts = new CancellationTokenSource();
        var reading = Task.Run(async () =>
        {
            await foreach (var unused in Queries.EventsByTag("quiet", 0, cts.Token))
            {
            }
        });

        await cts.CancelAsync();

        await FluentActions.Awaiting(() => reading.WaitAsync(TimeSpan.FromSeconds(20))).Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task Hundred_concurrent_writers_lose_and_reorder_nothing()
    {
        const int Writers = 100;
        const int PerWriter = 20;
        var tasks = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            for (var s = 1; s <= PerWriter; s++)
            {
                await Journal.WriteOneAsync(Write($"w{w}", s, "all"));
            }
        }));

        await Task.WhenAll(tasks);

        for (var w = 0; w < Writers; w++)
        {
            var events = await Journal.ReplayAsync($"w{w}", 1, long.MaxValue, long.MaxValue).ToListAsync();
            events.Select(e => e.SequenceNr).Should().Equal(Enumerable.Range(1, PerWriter).Select(i => (long)i), $"writer w{w}");
        }

        var all = await Queries.CurrentEventsByTag("all", 0).ToListAsync();
        all.Should().HaveCount(Writers * PerWriter);
        foreach (var group in all.GroupBy(t => t.Event.PersistenceId))
        {
            group.Select(t => t.Event.SequenceNr).Should().BeInAscendingOrder("global order follows each writer's order");
        }
    }

    [Fact]
    public async Task Concurrent_writes_of_the_same_sequence_nr_store_exactly_one()
    {
        var attempts = Enumerable.Range(0, 50).Select(i => Task.Run(() =>
            Journal.WriteAsync([new AtomicWrite(new PersistentRepr("contested", 1, "m", [(byte)i]))])));

        var results = await Task.WhenAll(attempts);

        results.Count(r => r[0].IsSuccess).Should().Be(1);
        results.Count(r => r[0].Rejection is SequenceNumberConflictException).Should().Be(49);
        (await Journal.ReplayAsync("contested", 1, long.MaxValue, long.MaxValue).ToListAsync()).Should().ContainSingle();
    }

    [Fact]
    public async Task Writes_after_dispose_fail_with_a_closed_store_error()
    {
        await Journal.DisposeAsync();

        await FluentActions.Awaiting(() => Journal.WriteAsync([Write("a", 1)])).Should().ThrowAsync<PersistenceStoreClosedException>();
    }
}
