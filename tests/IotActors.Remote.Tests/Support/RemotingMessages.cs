using System.Text.Json.Serialization;
using IotActors.Actors;
using IotActors.Remote.Serialization;

namespace IotActors.Remote.Tests.Support;

public sealed record Echo(string Text);

public sealed record Numbered(int Seq);

public sealed record ReplyTo(IActorRef Target, string Text);

public sealed record Introduce(IReadOnlyList<IActorRef> Members);

public sealed record Command(string Text)
{
    [JsonIgnore]
    public NodeIdentity? Origin { get; init; }
}

public sealed record SecuredCommand(string Text) : IAuthenticatedMessage
{
    public NodeIdentity? Origin { get; init; }

    public IAuthenticatedMessage WithOrigin(NodeIdentity origin) => this with { Origin = origin };
}

public sealed record NotRegisteredEverywhere(int Value);

public sealed record NeverRegistered(int Value);

[JsonSerializable(typeof(Echo))]
[JsonSerializable(typeof(Numbered))]
[JsonSerializable(typeof(ReplyTo))]
[JsonSerializable(typeof(Introduce))]
[JsonSerializable(typeof(Command))]
[JsonSerializable(typeof(SecuredCommand))]
[JsonSerializable(typeof(NotRegisteredEverywhere))]
internal sealed partial class RemotingJsonContext : JsonSerializerContext;

public static class RemotingMessages
{
    private static readonly RemotingJsonContext Json = new(RemoteJson.CreateOptions());

    public static MessageRegistry Registry(bool withExtra = false)
    {
        var registry = new MessageRegistry()
            .Register("t.Echo", Json.Echo)
            .Register("t.Numbered", Json.Numbered)
            .Register("t.ReplyTo", Json.ReplyTo)
            .Register("t.Introduce", Json.Introduce)
            .Register("t.Command", Json.Command, "controller")
            .Register("t.SecuredCommand", Json.SecuredCommand);
        if (withExtra) registry.Register("t.Extra", Json.NotRegisteredEverywhere);
        return registry;
    }
}
