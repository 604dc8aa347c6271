using System.Diagnostics;
using IotActors.Actors;
using Microsoft.Extensions.Logging;

namespace IotActors.TestKit;

/// <summary>xunit base class: a fresh actor system per test (terminated on dispose), a default probe and await helpers.</summary>
public abstract class TestKit : IDisposable
{
    private readonly ILoggerFactory _loggerFactory;

    /// <summary>Creates the system (name derived from the test class) with optional settings and clock.</summary>
    protected TestKit(ActorSystemSettings? settings = null, TimeProvider? timeProvider = null, string? systemName = null)
    {
        Logs = new CapturingLoggerProvider();
        _loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(Logs));
        Sys = ActorSystem.Create(systemName ?? "test", settings, _loggerFactory, timeProvider);
        TestActor = new TestProbe(Sys, "testActor");
    }

    /// <summary>The system under test.</summary>
    protected ActorSystem Sys { get; }

    /// <summary>Captured log entries.</summary>
    protected CapturingLoggerProvider Logs { get; }

    /// <summary>The default probe.</summary>
    protected TestProbe TestActor { get; }

    /// <summary>Creates another probe.</summary>
    protected TestProbe CreateTestProbe(string? name = null) => new(Sys, name);

    /// <summary>Expects a message on the default probe.</summary>
    protected T ExpectMsg<T>(Func<T, bool>? predicate = null, TimeSpan? timeout = null) => TestActor.ExpectMsg(predicate, timeout);

    /// <summary>Expects a message equal to <paramref name="expected"/> on the default probe.</summary>
    protected T ExpectMsg<T>(T expected, TimeSpan? timeout = null) => TestActor.ExpectMsg(expected, timeout);

    /// <summary>Asserts the default probe gets nothing for <paramref name="duration"/>.</summary>
    protected void ExpectNoMsg(TimeSpan duration) => TestActor.ExpectNoMsg(duration);

    /// <summary>Watches with the default probe.</summary>
    protected IActorRef Watch(IActorRef subject) => TestActor.Watch(subject);

    /// <summary>Expects termination on the default probe.</summary>
    protected Terminated ExpectTerminated(IActorRef target, TimeSpan? timeout = null) => TestActor.ExpectTerminated(target, timeout);

    /// <summary>Retries <paramref name="assertion"/> until it stops throwing or the duration elapses (then rethrows).</summary>
    public static void AwaitAssert(Action assertion, TimeSpan? duration = null, TimeSpan? interval = null)
    {
        var max = duration ?? TestKitSettings.DefaultTimeout;
        var step = interval ?? TimeSpan.FromMilliseconds(10);
        var sw = Stopwatch.StartNew();
        while (true)
        {
            try { assertion(); return; }
            catch when (sw.Elapsed < max) { Pause(step); }
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds, else throws <see cref="TestKitAssertionException"/>.</summary>
    public static void AwaitCondition(Func<bool> condition, TimeSpan? duration = null, string? message = null)
    {
        var max = duration ?? TestKitSettings.DefaultTimeout;
        var sw = Stopwatch.StartNew();
        while (!condition())
        {
            if (sw.Elapsed > max) { throw new TestKitAssertionException($"Condition not met within {max.TotalMilliseconds:0} ms{(message is null ? "" : ": " + message)}."); }
            Pause(TimeSpan.FromMilliseconds(5));
        }
    }

    /// <summary>Blocks the calling thread for <paramref name="duration"/> without stranding the pool work it queued.</summary>
    /// <remarks>
    /// Tests block pool threads while they wait. Work that thread queued (the mailbox of an actor it just told, a Task.Run)
    /// sits in its local queue; Thread.Sleep leaves it there, and on a busy 2-core machine no other pool thread may steal it
    /// for many seconds. Task.Wait moves it to the global queue and tells the pool this thread is blocked.
    /// </remarks>
    public static void Pause(TimeSpan duration) => Task.Delay(duration).Wait();

    /// <summary>Runs <paramref name="block"/> and asserts it finished within <paramref name="max"/> (dilated).</summary>
    public static void Within(TimeSpan max, Action block)
    {
        var limit = TestKitSettings.Dilated(max);
        var sw = Stopwatch.StartNew();
        block();
        if (sw.Elapsed > limit) { throw new TestKitAssertionException($"Block took {sw.Elapsed.TotalMilliseconds:0} ms, more than {limit.TotalMilliseconds:0} ms."); }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Terminates the system and waits for it (up to 10 s dilated).</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (!disposing) { return; }
        Sys.Terminate().Wait(TestKitSettings.Dilated(TimeSpan.FromSeconds(10)));
        _loggerFactory.Dispose();
    }
}
