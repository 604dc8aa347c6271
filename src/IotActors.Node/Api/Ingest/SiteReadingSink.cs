using IotActors.Home.Site;
using IotActors.Node.Gateways;

namespace IotActors.Node.Api.Ingest;

/// <summary>Feeds readings from the gateways and the HTTP ingest into the node's site when that is the <see cref="InMemorySite"/> (a node without the domain actors); otherwise the domain registers its own <see cref="IReadingSink"/> and this one does nothing.</summary>
internal sealed class SiteReadingSink(ISiteQueries site) : IReadingSink
{
    public ValueTask AcceptAsync(PeerReading reading)
    {
        if (site is InMemorySite memory)
        {
            memory.RecordReading(reading.DeviceId, reading.Metric, reading.Unit, reading.Value, reading.SourceTime);
        }
        return ValueTask.CompletedTask;
    }
}
