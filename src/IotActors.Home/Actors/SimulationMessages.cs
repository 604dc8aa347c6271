using System.Text.Json.Serialization;
using IotActors.Remote;

namespace IotActors.Home.Actors;

/// <summary>
/// Test/demo hook: forces (or, with a null <paramref name="Target"/>, releases) the primary metric of the simulated sensor
/// <paramref name="DeviceId"/> on its owning node (wire manifest <c>home.SimulateSensor</c>, allowed from role dashboard).
/// </summary>
/// <param name="DeviceId">The simulated sensor.</param>
/// <param name="Target">The value the sensor reports from now on, or null for its model's own values.</param>
/// <param name="Operator">The API principal's name.</param>
/// <param name="OperatorRole">The API principal's role (operator or admin).</param>
public sealed record SimulateSensor(string DeviceId, double? Target, string Operator, string OperatorRole) : IAuthenticatedMessage
{
    /// <inheritdoc />
    [JsonIgnore]
    public NodeIdentity? Origin { get; init; }

    /// <inheritdoc />
    public IAuthenticatedMessage WithOrigin(NodeIdentity origin) => this with { Origin = origin };
}

/// <summary>The owning node's answer to <see cref="SimulateSensor"/>.</summary>
/// <param name="DeviceId">The sensor.</param>
/// <param name="Accepted">False when the sender was not allowed or the device is not a local simulated sensor.</param>
/// <param name="Target">The target now in force (null: none).</param>
/// <param name="Detail">A sentence for humans.</param>
public sealed record SimulateResult(string DeviceId, bool Accepted, double? Target, string Detail);
