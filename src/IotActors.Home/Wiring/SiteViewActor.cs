using System.Text.Json;
using IotActors.Actors;
using IotActors.Cluster.Tools.Replication;
using IotActors.Home.Actors;
using Microsoft.Extensions.Logging;

namespace IotActors.Home.Wiring;

/// <summary>Feeds the <see cref="SiteView"/> from the replicated site map (every change on every node).</summary>
internal sealed partial class SiteViewActor : ReceiveActor
{
    private readonly SiteView _view;
    private readonly IActorRef _replicator;

    public SiteViewActor(SiteView view, IActorRef replicator)
    {
        _view = view;
        _replicator = replicator;
        Receive<StateChanged>(changed =>
        {
            foreach (var (key, entry) in changed.Entries.Where(e => SiteKeys.IsDevice(e.Key)))
            {
                try
                {
                    if (JsonSerializer.Deserialize(entry.ValueJson, HomeJsonContext.Wire.SiteDeviceState) is { } state && state.DeviceId == key)
                    {
                        _view.Apply(state);
                    }
                }
                catch (JsonException ex)
                {
                    LogBadEntry(Log, key, ex.Message);
                }
            }
        });
    }

    public static Props Props(SiteView view, IActorRef replicator) => global::IotActors.Actors.Props.Create(() => new SiteViewActor(view, replicator));

    protected override void PreStart() => _replicator.Tell(new SubscribeChanges(Self), Self);

    [LoggerMessage(EventId = 4560, Level = LogLevel.Warning, Message = "ignored replicated site entry {Key}: {Error}")]
    private static partial void LogBadEntry(ILogger logger, string key, string error);
}
