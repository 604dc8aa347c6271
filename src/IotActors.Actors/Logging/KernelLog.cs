using Microsoft.Extensions.Logging;

namespace IotActors.Actors;

internal static partial class KernelLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Actor {Path} failed; supervisor directive: {Directive}")]
    public static partial void ActorFailed(ILogger logger, string path, string directive, Exception exception);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Actor {Path} failed while stopping")]
    public static partial void FailureWhileStopping(ILogger logger, string path, Exception exception);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "PostStop of {Path} threw")]
    public static partial void PostStopFailed(ILogger logger, string path, Exception exception);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "PreRestart of {Path} threw")]
    public static partial void PreRestartFailed(ILogger logger, string path, Exception exception);

    [LoggerMessage(EventId = 5, Level = LogLevel.Debug, Message = "Dead letter {MessageType} to {Recipient}")]
    public static partial void DeadLetterLogged(ILogger logger, string messageType, string recipient);

    [LoggerMessage(EventId = 6, Level = LogLevel.Error, Message = "Termination hook of actor system {System} threw")]
    public static partial void TerminationHookFailed(ILogger logger, string system, Exception exception);

    [LoggerMessage(EventId = 7, Level = LogLevel.Information, Message = "Actor system {System} terminated")]
    public static partial void SystemTerminated(ILogger logger, string system);
}
