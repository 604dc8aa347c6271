namespace IotActors.Actors;

/// <summary>Gives every attached mailbox its own dedicated background thread (for blocking device I/O).</summary>
internal sealed class PinnedDispatcher(string id, int throughput) : MessageDispatcher(id, throughput)
{
    private sealed class Runner
    {
        public readonly SemaphoreSlim Signal = new(0);
    }

    public override void Attach(Mailbox mailbox)
    {
        var runner = new Runner();
        mailbox.DispatcherState = runner;
        var thread = new Thread(() => Loop(mailbox, runner))
        {
            IsBackground = true,
            Name = $"pinned:{mailbox.Cell.SelfRef.Path.ToStringWithoutAddress()}",
        };
        thread.Start();
    }

    private static void Loop(Mailbox mailbox, Runner runner)
    {
        while (true)
        {
            runner.Signal.Wait();
            mailbox.Run();
            if (mailbox.IsClosed) { break; }
        }
        runner.Signal.Dispose();
    }

    public override void Execute(Mailbox mailbox)
    {
        var runner = (Runner)mailbox.DispatcherState!;
        try { runner.Signal.Release(); }
        catch (ObjectDisposedException) { }
    }
}
