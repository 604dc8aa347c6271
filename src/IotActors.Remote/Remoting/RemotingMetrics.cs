namespace IotActors.Remote;

/// <summary>Counters of the remoting layer on top of <see cref="RemoteTransportMetrics"/>.</summary>
public sealed class RemotingMetrics
{
    internal long unknownRecipients;
    internal long serializationFailures;
    internal long quarantinedDrops;
    internal long outboundDropped;
    internal long addressTerminations;

    /// <summary>Inbound messages whose recipient does not exist here (sent to dead letters).</summary>
    public long UnknownRecipients => Interlocked.Read(ref unknownRecipients);

    /// <summary>Outbound messages that could not be serialized or did not fit a frame (sent to dead letters).</summary>
    public long SerializationFailures => Interlocked.Read(ref serializationFailures);

    /// <summary>Outbound messages to a peer incarnation that is gone (sent to dead letters).</summary>
    public long QuarantinedDrops => Interlocked.Read(ref quarantinedDrops);

    /// <summary>Outbound user messages dropped from a full link queue (sent to dead letters).</summary>
    public long OutboundDropped => Interlocked.Read(ref outboundDropped);

    /// <summary>Times a peer was declared dead (unreachable or restarted) and its watchers notified.</summary>
    public long AddressTerminations => Interlocked.Read(ref addressTerminations);
}
