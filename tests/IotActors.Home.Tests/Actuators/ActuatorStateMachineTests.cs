using FsCheck;
using FsCheck.Fluent;
using IotActors.Home.Actuators;
using IotActors.Home.Model;

namespace IotActors.Home.Tests.Actuators;

public sealed class ActuatorStateMachineTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Set_active_twice_is_one_transition()
    {
        var s0 = ActuatorState.Initial("fan-1");
        var (s1, e1) = ActuatorStateMachine.Apply(s0, new SetActive("fan-1", true, "hot"), T0);
        var (s2, e2) = ActuatorStateMachine.Apply(s1, new SetActive("fan-1", true, "still hot"), T0.AddSeconds(1));

        e1.Should().Be(new Activated("hot", null, T0));
        e2.Should().BeNull();
        s2.Should().BeSameAs(s1);
        s1.Should().Be(new ActuatorState("fan-1", ActuatorStatus.Active, 1, "hot", T0));
    }

    [Fact]
    public void Idle_command_on_an_idle_actuator_changes_nothing_and_deactivates_an_active_one()
    {
        var idle = ActuatorState.Initial("fan-1");
        ActuatorStateMachine.Apply(idle, new SetActive("fan-1", false, "cool"), T0).Event.Should().BeNull();

        var (active, _) = ActuatorStateMachine.Apply(idle, new SetActive("fan-1", true, "hot"), T0);
        var (back, evt) = ActuatorStateMachine.Apply(active, new SetActive("fan-1", false, "cool"), T0.AddMinutes(1));
        evt.Should().BeOfType<Deactivated>();
        back.Status.Should().Be(ActuatorStatus.Idle);
        back.Version.Should().Be(2);
        ActuatorStateMachine.ToStateChanged(back, evt!).Should().Be(new StateChanged("fan-1", false, "cool", 2, T0.AddMinutes(1)));
    }

    [Fact]
    public void Replaying_an_event_that_does_not_fit_the_state_throws()
    {
        var idle = ActuatorState.Initial("fan-1");
        var act = () => ActuatorStateMachine.ApplyEvent(idle, new Deactivated("x", null, T0));
        act.Should().Throw<InvalidActuatorTransitionException>().WithMessage("*fan-1*Idle*Deactivated*");
    }

    [Fact]
    public void Recovery_replays_a_repeated_event_as_a_reassertion_so_a_journal_is_never_refused()
    {
        // Found by the 30-minute soak: an actuator restarted while a write was in flight journaled Deactivated twice.
        var state = ActuatorState.Initial("fan-3");
        state = ActuatorStateMachine.ReplayEvent(state, new Activated("on", null, T0), out bool first);
        state = ActuatorStateMachine.ReplayEvent(state, new Deactivated("off", null, T0.AddSeconds(1)), out bool second);
        state = ActuatorStateMachine.ReplayEvent(state, new Deactivated("off again", null, T0.AddSeconds(2)), out bool third);

        (first, second, third).Should().Be((false, false, true));
        state.IsActive.Should().BeFalse();
        state.Version.Should().Be(3, "every journaled event counts, so versions stay equal to sequence numbers");
        state.Reason.Should().Be("off again");
    }

    [Fact]
    public void A_command_for_another_device_is_refused()
    {
        var act = () => ActuatorStateMachine.Apply(ActuatorState.Initial("fan-1"), new SetActive("fan-2", true, "x"), T0);
        act.Should().Throw<ArgumentException>().WithMessage("*fan-2*fan-1*");
    }

    [Fact]
    public void Any_command_sequence_emits_alternating_events_and_replay_rebuilds_the_same_state()
    {
        Check.QuickThrowOnFailure(Prop.ForAll<bool[]>(desired =>
        {
            var state = ActuatorState.Initial("fan-1");
            var events = new List<ActuatorEvent>();
            int changes = 0;
            bool current = false;
            for (int i = 0; i < desired.Length; i++)
            {
                if (desired[i] != current) { changes++; current = desired[i]; }
                var (next, evt) = ActuatorStateMachine.Apply(state, new SetActive("fan-1", desired[i], $"c{i}"), T0.AddSeconds(i));
                state = next;
                if (evt is not null) events.Add(evt);
            }

            var replayed = events.Aggregate(ActuatorState.Initial("fan-1"), ActuatorStateMachine.ApplyEvent);
            bool alternating = events.Select((e, i) => e is Activated == (i % 2 == 0)).All(x => x);
            return events.Count == changes && alternating && replayed == state && state.Version == changes && state.IsActive == current;
        }));
    }
}
