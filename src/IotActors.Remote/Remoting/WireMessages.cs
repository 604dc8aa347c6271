using System.Text.Json.Serialization;

namespace IotActors.Remote;

/// <summary>Remote <c>Watch</c>: the envelope's recipient is the watchee.</summary>
internal sealed record WireWatch(string Watcher);

/// <summary>Remote <c>Unwatch</c>: the envelope's recipient is the watchee.</summary>
internal sealed record WireUnwatch(string Watcher);

/// <summary>Remote <c>DeathWatchNotification</c>: the envelope's recipient is the watcher.</summary>
internal sealed record WireDeathWatch(string Actor, bool ExistenceConfirmed);

/// <summary>An <c>Identify</c> id: a string or an integer (other id types are sent as their string form).</summary>
internal sealed record WireIdentify(string? Text, long? Number);

/// <summary>An <c>ActorIdentity</c> with its subject as a wire path.</summary>
internal sealed record WireActorIdentity(string? Text, long? Number, string? Subject);

/// <summary>A <c>Status.Failure</c>: exception type name and message.</summary>
internal sealed record WireFailure(string Type, string Message);

[JsonSerializable(typeof(WireWatch))]
[JsonSerializable(typeof(WireUnwatch))]
[JsonSerializable(typeof(WireDeathWatch))]
[JsonSerializable(typeof(WireIdentify))]
[JsonSerializable(typeof(WireActorIdentity))]
[JsonSerializable(typeof(WireFailure))]
internal sealed partial class WireJsonContext : JsonSerializerContext;
