namespace IotActors.Actors;

/// <summary>
/// The default dispatcher: mailboxes run as work items on the .NET thread pool. A mailbox scheduled by an actor
/// running on a pool thread is handed off and run on that same thread right after the current turn (at most
/// <see cref="MaxHandOffs"/> times in a row before going back through the pool), which keeps request/reply
/// chains off the pool queues.
/// </summary>
internal sealed class ThreadPoolDispatcher(string id, int throughput) : MessageDispatcher(id, throughput)
{
    internal const int MaxHandOffs = 64;

    [ThreadStatic] private static Mailbox? t_next;
    [ThreadStatic] private static bool t_inLoop;

    public override void Execute(Mailbox mailbox)
    {
        if (t_inLoop && t_next is null)
        {
            t_next = mailbox;
            return;
        }
        ThreadPool.UnsafeQueueUserWorkItem(mailbox, preferLocal: true);
    }

    /// <summary>Runs a mailbox and then any mailboxes handed off to this thread.</summary>
    internal static void RunLoop(Mailbox first)
    {
        t_inLoop = true;
        var current = first;
        var handOffs = 0;
        try
        {
            while (true)
            {
                current.Run();
                var next = t_next;
                if (next is null) { return; }
                t_next = null;
                if (++handOffs > MaxHandOffs)
                {
                    ThreadPool.UnsafeQueueUserWorkItem(next, preferLocal: true);
                    return;
                }
                current = next;
            }
        }
        finally
        {
            t_inLoop = false;
            if (t_next is { } pending)
            {
                t_next = null;
                ThreadPool.UnsafeQueueUserWorkItem(pending, preferLocal: true);
            }
        }
    }
}
