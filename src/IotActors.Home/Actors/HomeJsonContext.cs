using System.Text.Json.Serialization;
using IotActors.Home.Model;

namespace IotActors.Home.Actors;

/// <summary>Source-generated JSON metadata of the domain's wire messages and replicated values.</summary>
[JsonSerializable(typeof(Reading))]
[JsonSerializable(typeof(ActuatorCommand))]
[JsonSerializable(typeof(OperatorCommand))]
[JsonSerializable(typeof(ControlFeed))]
[JsonSerializable(typeof(CommandResult))]
[JsonSerializable(typeof(StateChanged))]
[JsonSerializable(typeof(RuleSetChanged))]
[JsonSerializable(typeof(SiteDeviceState))]
[JsonSerializable(typeof(SimulateSensor))]
[JsonSerializable(typeof(SimulateResult))]
internal sealed partial class HomeJsonContext : JsonSerializerContext
{
    /// <summary>The context with remoting's options (actor refs as paths).</summary>
    public static HomeJsonContext Wire { get; } = new(Remote.RemoteJson.CreateOptions());
}
