using IotActors.Actors;
using Microsoft.Extensions.Logging;

namespace IotActors.Remote;

/// <summary>Source-generated log messages of the remoting layer.</summary>
internal static partial class RemotingLog
{
    [LoggerMessage(101, LogLevel.Information, "Remoting started for actor system {System} at {Address}")]
    public static partial void Started(ILogger logger, string system, Address address);

    [LoggerMessage(102, LogLevel.Debug, "Message {Type} from {Sender} for unknown recipient {Recipient} sent to dead letters")]
    public static partial void UnknownRecipient(ILogger logger, string type, NodeIdentity sender, string recipient);

    [LoggerMessage(103, LogLevel.Error, "Cannot send {Type} to {Recipient}: {Reason}; sent to dead letters")]
    public static partial void SendFailed(ILogger logger, string type, ActorPath recipient, string reason);

    [LoggerMessage(104, LogLevel.Warning, "Node {Address} terminated ({Reason}): notified {Watchers} watchers and {Watchees} watched actors")]
    public static partial void AddressTerminated(ILogger logger, NodeAddress address, string reason, int watchers, int watchees);

    [LoggerMessage(105, LogLevel.Warning, "Unexpected system message {Type} for remote ref {Recipient} ignored")]
    public static partial void UnexpectedSystemMessage(ILogger logger, string type, ActorPath recipient);
}
