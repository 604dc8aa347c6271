namespace IotActors.Remote.Transport;

/// <summary>The peer refused our dial because it keeps the link it opened to us (simultaneous connect).</summary>
internal sealed class DuplicateLinkException(NodeIdentity peer)
    : Exception($"{peer} keeps its own link to this node; the dial is redundant.");
