using System.Text.Json.Serialization;
using IotActors.Home.Actuators;
using IotActors.Home.Model;
using IotActors.Remote;

namespace IotActors.Home.Actors;

/// <summary>A desired-state command from a controller node (wire manifest <c>home.ActuatorCommand</c>, allowed from role controller).</summary>
public sealed record ActuatorCommand(SetActive Command) : IAuthenticatedMessage
{
    /// <inheritdoc />
    [JsonIgnore]
    public NodeIdentity? Origin { get; init; }

    /// <inheritdoc />
    public IAuthenticatedMessage WithOrigin(NodeIdentity origin) => this with { Origin = origin };
}

/// <summary>A command an operator gave through the API of a dashboard node, carrying the authenticated principal (manifest <c>home.OperatorCommand</c>, allowed from role dashboard).</summary>
public sealed record OperatorCommand(SetActive Command, string Operator, string OperatorRole) : IAuthenticatedMessage
{
    /// <inheritdoc />
    [JsonIgnore]
    public NodeIdentity? Origin { get; init; }

    /// <inheritdoc />
    public IAuthenticatedMessage WithOrigin(NodeIdentity origin) => this with { Origin = origin };
}

/// <summary>A controller still receives fresh data for the rule that drives <paramref name="ActuatorId"/> (keeps the fail-safe from firing).</summary>
public sealed record ControlFeed(string ActuatorId, string RuleId, DateTimeOffset LastReadingAt) : IAuthenticatedMessage
{
    /// <inheritdoc />
    [JsonIgnore]
    public NodeIdentity? Origin { get; init; }

    /// <inheritdoc />
    public IAuthenticatedMessage WithOrigin(NodeIdentity origin) => this with { Origin = origin };
}

/// <summary>The actuator's answer to a command.</summary>
/// <param name="DeviceId">The actuator.</param>
/// <param name="Accepted">False when the sender was not allowed or the command was malformed.</param>
/// <param name="Changed">True when the command caused a transition (false: it was already in that state).</param>
/// <param name="Active">The actuator's state after the command.</param>
/// <param name="Version">The state version after the command.</param>
/// <param name="Detail">A sentence for humans.</param>
public sealed record CommandResult(string DeviceId, bool Accepted, bool Changed, bool Active, long Version, string Detail);

/// <summary>Asks an actuator for its <see cref="ActuatorState"/>.</summary>
public sealed record GetActuatorState
{
    /// <summary>The single instance.</summary>
    public static GetActuatorState Instance { get; } = new();
}

/// <summary>Timer message of the actuator: check whether the fail-safe state applies.</summary>
internal sealed record FailSafeCheck
{
    public static FailSafeCheck Instance { get; } = new();
}

/// <summary>Timer message of the actuator: the hardware did not confirm the re-applied state in time.</summary>
internal sealed record HardwareTimeout
{
    public static HardwareTimeout Instance { get; } = new();
}
