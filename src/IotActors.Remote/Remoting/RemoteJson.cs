using System.Text.Json;

namespace IotActors.Remote;

/// <summary>JSON options for message types that contain actor refs.</summary>
/// <remarks>
/// Create your source-generated context with these options so every <c>IActorRef</c> property crosses the wire as a resolvable path:
/// <code>static readonly HomeJsonContext Json = new(RemoteJson.CreateOptions());
/// registry.Register("home.SetActive", Json.SetActive);</code>
/// </remarks>
public static class RemoteJson
{
    /// <summary>Creates new options (one per context: a context binds its options) carrying <see cref="ActorRefJsonConverter"/>.</summary>
    public static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions();
        options.Converters.Add(new ActorRefJsonConverter());
        return options;
    }
}
