using IotActors.Persistence.Internal;
using IotActors.Persistence.Sqlite;
using IotActors.Persistence.Tests.Support;

namespace IotActors.Persistence.Tests.Sqlite;

/// <summary>Where write continuations run: user code never on the journal's writer thread, the actor fast path on it.</summary>
public sealed class WriterThreadTests : IDisposable
{
    private const string WriterThread = "iotactors-journal-writer";
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task WriteAsync_continuations_never_run_on_the_writer_thread()
    {
        await using var journal = await SqliteJournal.OpenAsync(new SqliteJournalOptions { DataDirectory = _dir.Path });
        for (var i = 1; i <= 20; i++)
        {
            var ranOn = await journal.WriteAsync([Write("user", i)]).ContinueWith(
                _ => Thread.CurrentThread.Name, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            ranOn.Should().NotBe(WriterThread, "a blocking continuation there would stall every writer of the node");
        }
    }

    [Fact]
    public async Task Inline_completion_hands_the_result_on_from_the_writer_thread_and_keeps_order()
    {
        await using var journal = await SqliteJournal.OpenAsync(new SqliteJournalOptions { DataDirectory = _dir.Path });
        var inline = (IInlineWriteJournal)journal;
        var threads = new List<string?>();
        for (var i = 1; i <= 20; i++)
        {
            var result = await inline.WriteWithInlineCompletion([Write("actor", i)]).ContinueWith(
                t => { lock (threads) { threads.Add(Thread.CurrentThread.Name); } return t.Result; },
                CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            result.Should().ContainSingle().Which.IsSuccess.Should().BeTrue();
        }

        threads.Should().OnlyContain(name => name == WriterThread);
        (await journal.ReadHighestSequenceNrAsync("actor")).Should().Be(20);
    }

    private static AtomicWrite Write(string id, long seq) => new(new PersistentRepr(id, seq, "m", [1, 2, 3]));
}
