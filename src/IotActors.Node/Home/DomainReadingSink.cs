using IotActors.Home.Actors;
using IotActors.Hosting;
using IotActors.Node.Gateways;

namespace IotActors.Node.Home;

/// <summary>Feeds readings of remote peers (gateways, HTTP ingest) to their sensor actors once the smart site runs.</summary>
internal sealed class DomainReadingSink(SmartSiteHolder holder) : IReadingSink
{
    public ValueTask AcceptAsync(PeerReading reading)
    {
        if (!holder.IsStarted)
        {
            throw new InvalidOperationException("the smart site is still starting; send the reading again shortly");
        }

        holder.Site.Ingest(new IngestSample(reading.DeviceId, reading.Metric, reading.Unit ?? "", reading.Value, reading.SourceTime));
        return ValueTask.CompletedTask;
    }
}
