using IotActors.Home.Actuators;
using IotActors.Home.Model;
using IotActors.Persistence;
using IotActors.Remote.Serialization;

namespace IotActors.Home.Actors;

/// <summary>Registers the domain's wire messages with their role policies, and its persistent events.</summary>
/// <remarks>
/// Readings only from sensor or gateway nodes; controller commands only from controller nodes; operator commands only from
/// dashboard nodes (the API), which carry the operator's identity; rule changes only from dashboard or controller nodes
/// (the API lets only admins change rules); simulated-sensor targets (a test/demo hook) only from dashboard nodes. Refused messages are dropped by remoting, logged, counted and audited.
/// </remarks>
public static class HomeMessages
{
    /// <summary>Manifest of <see cref="Reading"/>.</summary>
    public const string ReadingManifest = "home.Reading";

    /// <summary>Manifest of <see cref="ActuatorCommand"/>.</summary>
    public const string ActuatorCommandManifest = "home.ActuatorCommand";

    /// <summary>Manifest of <see cref="OperatorCommand"/>.</summary>
    public const string OperatorCommandManifest = "home.OperatorCommand";

    /// <summary>Manifest of <see cref="SimulateSensor"/> (the test/demo hook).</summary>
    public const string SimulateSensorManifest = "home.SimulateSensor";

    /// <summary>Registers the wire types and their sender roles in <paramref name="registry"/>.</summary>
    public static void RegisterWire(MessageRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var json = HomeJsonContext.Wire;
        registry.Register(ReadingManifest, json.Reading, "sensor", "gateway");
        registry.Register(ActuatorCommandManifest, json.ActuatorCommand, "controller");
        registry.Register(OperatorCommandManifest, json.OperatorCommand, "dashboard");
        registry.Register("home.ControlFeed", json.ControlFeed, "controller");
        registry.Register("home.CommandResult", json.CommandResult);
        registry.Register("home.StateChanged", json.StateChanged);
        registry.Register(SimulateSensorManifest, json.SimulateSensor, "dashboard");
        registry.Register("home.SimulateResult", json.SimulateResult);
        registry.Register("home.RuleSetChanged", json.RuleSetChanged, "dashboard", "controller");
    }

    /// <summary>Registers the persistent events and snapshots of the actuator and rule actors.</summary>
    public static void RegisterPersistence(PersistenceSerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(serializer);
        serializer.Register<Activated>("home.Activated");
        serializer.Register<Deactivated>("home.Deactivated");
        serializer.Register<ActuatorState>("home.ActuatorState");
        serializer.Register<RulesReplaced>("home.RulesReplaced");
    }
}
