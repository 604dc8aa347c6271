using Microsoft.Extensions.Logging;

namespace IotActors.Actors;

/// <summary>Base class of all actors: lifecycle hooks, context and supervision strategy.</summary>
public abstract class ActorBase
{
    private readonly ActorCell _cell;
    private ILogger? _log;

    /// <summary>Binds the actor to its cell; actors can only be created through <see cref="Props"/>.</summary>
    protected ActorBase()
    {
        _cell = ActorCell.Current ?? throw new ActorInitializationException(
            $"Actor {GetType().Name} must be created through Props and ActorOf, not with 'new'.");
    }

    /// <summary>The actor's context.</summary>
    protected IActorContext Context => _cell;

    /// <summary>This actor's ref.</summary>
    protected IActorRef Self => _cell.SelfRef;

    /// <summary>Sender of the current message.</summary>
    protected IActorRef Sender => _cell.Sender;

    /// <summary>A logger whose entries carry the actor path in a scope.</summary>
    protected ILogger Log => _log ??= _cell.GetLogger();

    internal ActorCell Cell => _cell;

    /// <summary>Handles a message; returns false if unhandled.</summary>
    protected internal abstract bool Receive(object message);

    /// <summary>Called for unhandled messages; publishes <see cref="UnhandledMessage"/>, or throws <see cref="DeathPactException"/> for <see cref="Terminated"/>.</summary>
    protected virtual void Unhandled(object message)
    {
        if (message is Terminated t)
        {
            throw new DeathPactException($"Actor {Self.Path} did not handle Terminated of the watched actor {t.ActorRef.Path}.");
        }
        _cell.SystemImpl.EventStream.Publish(new UnhandledMessage(message, _cell.CurrentSender, Self));
    }

    internal void UnhandledInternal(object message) => Unhandled(message);

    /// <summary>Called after the actor was created, before the first message.</summary>
    protected virtual void PreStart() { }

    /// <summary>Called after the actor stopped; its children have already stopped.</summary>
    protected virtual void PostStop() { }

    /// <summary>Called on the failed instance before a restart; by default stops all children and calls <see cref="PostStop"/>.</summary>
    protected virtual void PreRestart(Exception reason, object? message)
    {
        foreach (var child in Context.Children) { Context.Stop(child); }
        PostStop();
    }

    /// <summary>Called on the fresh instance after a restart; by default calls <see cref="PreStart"/>.</summary>
    protected virtual void PostRestart(Exception reason) => PreStart();

    /// <summary>The strategy used to supervise children; the Akka default when not overridden.</summary>
    protected virtual SupervisorStrategy SupervisorStrategy() => Actors.SupervisorStrategy.DefaultStrategy;

    internal void AroundPreStart() => PreStart();
    internal void AroundPostStop() => PostStop();
    internal void AroundPreRestart(Exception reason, object? message) => PreRestart(reason, message);
    internal void AroundPostRestart(Exception reason) => PostRestart(reason);
    internal SupervisorStrategy SupervisorStrategyInternal() => SupervisorStrategy();

    /// <summary>Replaces the current behavior.</summary>
    protected void Become(Receive receive) => Context.Become(receive);

    /// <summary>Pushes a behavior.</summary>
    protected void BecomeStacked(Receive receive) => Context.BecomeStacked(receive);

    /// <summary>Pops a behavior.</summary>
    protected void UnbecomeStacked() => Context.UnbecomeStacked();

    /// <summary>Creates a stash separate from the <see cref="IWithStash"/> one, for runtime layers built on actors (e.g. persistent actors).</summary>
    /// <remarks>Actor thread only. The kernel neither unstashes it on restart nor dead-letters it on stop: its owner does.</remarks>
    protected IStash CreateOwnedStash(int capacity = int.MaxValue) => new StashImpl(_cell, capacity, []);

    /// <summary>Schedules a task-returning continuation so that the actor takes no new message until it completes.</summary>
    protected void RunTask(Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        _cell.AwaitTask(action());
    }
}
