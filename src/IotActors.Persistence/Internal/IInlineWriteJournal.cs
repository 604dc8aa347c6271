namespace IotActors.Persistence.Internal;

/// <summary>A journal whose writes can complete on its writer, without a thread-pool hop (the persistent actor's fast path).</summary>
internal interface IInlineWriteJournal
{
    /// <summary>
    /// Like <see cref="IJournal.WriteAsync"/>, but continuations of the returned task run synchronously on the journal's
    /// writer: they must only hand the result on (e.g. Tell), never block or do I/O.
    /// </summary>
    Task<IReadOnlyList<WriteResult>> WriteWithInlineCompletion(IReadOnlyList<AtomicWrite> writes);
}
