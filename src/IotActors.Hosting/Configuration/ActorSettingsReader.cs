using IotActors.Actors;
using Microsoft.Extensions.Configuration;

namespace IotActors.Hosting;

/// <summary>Reads <c>iotactors.actor</c> into <see cref="ActorSystemSettings"/>.</summary>
public static class ActorSettingsReader
{
    /// <summary>The kernel settings from configuration, validated.</summary>
    public static ActorSystemSettings From(IConfiguration configuration)
    {
        var actor = new SettingsReader(configuration, "iotactors.actor");
        var d = ActorSystemSettings.Default;
        return d with
        {
            Throughput = actor.Int("default-dispatcher.throughput", d.Throughput, 1, 100_000),
            DefaultAskTimeout = actor.Duration("ask-timeout", d.DefaultAskTimeout, TimeSpan.FromMilliseconds(1)),
            DefaultBoundedMailboxCapacity = actor.Int("bounded-mailbox.capacity", d.DefaultBoundedMailboxCapacity, 1),
            LogDeadLetters = actor.Bool("log-dead-letters", d.LogDeadLetters),
        };
    }
}
