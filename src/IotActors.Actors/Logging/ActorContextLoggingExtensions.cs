using Microsoft.Extensions.Logging;

namespace IotActors.Actors;

/// <summary>Logging helpers for actors.</summary>
public static class ActorContextLoggingExtensions
{
    /// <summary>Returns a logger for the actor's type whose entries carry the actor path in a scope.</summary>
    public static ILogger GetLogger(this IActorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context is ActorCell cell
            ? cell.GetLogger()
            : new ActorLogger(context.System.LoggerFactory.CreateLogger("IotActors.Actor"), context.Self.Path.ToString());
    }
}
