using IotActors.Home.Model;

namespace IotActors.Home.Actuators;

/// <summary>The idle/active transition table of an actuator: commands are desired states, so repeating one is a no-op.</summary>
public static class ActuatorStateMachine
{
    private enum Transition
    {
        None,
        Activate,
        Deactivate,
    }

    // (current status, desired active) -> transition. Every pair is listed; nothing is implied.
    private static readonly Dictionary<(ActuatorStatus, bool), Transition> Table = new()
    {
        [(ActuatorStatus.Idle, false)] = Transition.None,
        [(ActuatorStatus.Idle, true)] = Transition.Activate,
        [(ActuatorStatus.Active, true)] = Transition.None,
        [(ActuatorStatus.Active, false)] = Transition.Deactivate,
    };

    /// <summary>Applies a desired-state command; returns the new state and the event to persist, or no event when nothing changes.</summary>
    /// <exception cref="ArgumentException">The command is for another device.</exception>
    public static (ActuatorState State, ActuatorEvent? Event) Apply(ActuatorState state, SetActive command, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(command);
        if (!string.Equals(state.DeviceId, command.DeviceId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Command for '{command.DeviceId}' sent to actuator '{state.DeviceId}'.", nameof(command));
        }

        ActuatorEvent? evt = Table[(state.Status, command.Active)] switch
        {
            Transition.Activate => new Activated(command.Reason, command.Trigger, at),
            Transition.Deactivate => new Deactivated(command.Reason, command.Trigger, at),
            _ => null,
        };
        return evt is null ? (state, null) : (ApplyEvent(state, evt), evt);
    }

    /// <summary>Applies a persisted event (during recovery or after persisting it).</summary>
    /// <exception cref="InvalidActuatorTransitionException">The event does not fit the state (Activated while active, Deactivated while idle).</exception>
    public static ActuatorState ApplyEvent(ActuatorState state, ActuatorEvent evt)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(evt);
        var (expected, next) = evt switch
        {
            Activated => (Transition.Activate, ActuatorStatus.Active),
            Deactivated => (Transition.Deactivate, ActuatorStatus.Idle),
            _ => throw new ArgumentException($"Unknown actuator event {evt.GetType().Name}.", nameof(evt)),
        };
        if (Table[(state.Status, next == ActuatorStatus.Active)] != expected)
        {
            throw new InvalidActuatorTransitionException(state.DeviceId, state.Status, evt.GetType().Name);
        }

        return state with { Status = next, Version = state.Version + 1, Reason = evt.Reason, Since = evt.At };
    }

    /// <summary>Applies a journaled event during recovery; an event that repeats the current state is accepted as a re-assertion.</summary>
    /// <remarks>
    /// Events record desired states, so replaying "Deactivated" while idle changes nothing but the version. Recovery must never
    /// refuse a journal forever: a repeated event (e.g. written by an instance restarted while an earlier write was in flight)
    /// is reported through <paramref name="repeated"/> so the actor can log it.
    /// </remarks>
    public static ActuatorState ReplayEvent(ActuatorState state, ActuatorEvent evt, out bool repeated)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(evt);
        bool active = evt is Activated;
        repeated = state.IsActive == active;
        return repeated
            ? state with { Version = state.Version + 1, Reason = evt.Reason, Since = evt.At }
            : ApplyEvent(state, evt);
    }

    /// <summary>The notification to publish after <paramref name="evt"/> produced <paramref name="state"/>.</summary>
    public static StateChanged ToStateChanged(ActuatorState state, ActuatorEvent evt)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(evt);
        return new StateChanged(state.DeviceId, state.IsActive, evt.Reason, state.Version, evt.At);
    }
}
