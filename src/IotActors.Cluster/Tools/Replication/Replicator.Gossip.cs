using IotActors.Actors;
using IotActors.Cluster.Replication;
using IotActors.Cluster.Tools.Common;
using IotActors.Remote;

namespace IotActors.Cluster.Tools.Replication;

internal sealed partial class Replicator
{
    private void GossipWithRandomPeer()
    {
        var peers = _peers.Reachable;
        if (peers.Count > 0)
        {
            PeerActor(peers[_random.Next(peers.Count)]).Tell(Status(), Self);
        }
    }

    /// <summary>Sends the entries this node wrote since the last push to every reachable peer (one hop, no round trip).</summary>
    private void PushOwnWrites()
    {
        if (_toPush.Count == 0)
        {
            return;
        }

        var self = _selfKey();
        var own = _toPush.Where(k => _map.TryGet(k, out var e) && e.Version.Node == self).Select(k => KeyValuePair.Create(k, _map.Entries[k]));
        var delta = LwwMap.FromEntries(own, _map.Clock);
        _toPush.Clear();
        var peers = _peers.Reachable;
        if (delta.Entries.Count == 0 || peers.Count == 0)
        {
            return;
        }

        var chunks = LwwMapWire.Chunks(delta, _settings.MaxDeltaBytes).Select(c => new ReplicaDelta(delta.Clock, c, false)).ToList();
        foreach (var peer in peers)
        {
            var to = PeerActor(peer);
            chunks.ForEach(c => to.Tell(c, Self));
        }
    }

    /// <summary>
    /// A new link to a peer: pushes sent on the old one may be lost, which leaves a gap that version vectors cannot see
    /// (the peer already holds later writes of ours), so the peer gets our whole map once.
    /// </summary>
    private void OnLinkUp(PeerConnected connected)
    {
        var address = connected.Peer.Address.ToString();
        if (address != _peers.SelfAddress && _peers.IsKnown(address) && _map.Entries.Count > 0)
        {
            SendChunks(PeerActor(address), _map, full: true);
        }
    }

    private ReplicaStatus Status() => new(new Dictionary<string, long>(_map.VersionVector.Entries), Digest, false);

    private void OnStatus(ReplicaStatus status)
    {
        VersionVector theirs;
        try
        {
            theirs = VersionVector.From(status.Vector ?? []);
        }
        catch (ArgumentException e)
        {
            ClusterToolsLog.GossipIgnored(Log, "replicated state", "a status", status.Origin?.ToString() ?? "local", e.Message);
            return;
        }

        var delta = _map.DeltaSince(theirs);
        if (delta.Entries.Count > 0)
        {
            SendChunks(Sender, delta, full: false);
        }
        else if (status.Digest != Digest && _map.VersionVector.CompareTo(theirs) == VersionOrdering.Same)
        {
            SendChunks(Sender, _map, full: true);
        }

        if (!status.IsReply && _map.VersionVector.CompareTo(theirs) is VersionOrdering.Before or VersionOrdering.Concurrent)
        {
            Sender.Tell(new ReplicaStatus(new Dictionary<string, long>(_map.VersionVector.Entries), Digest, true), Self);
        }
    }

    private void OnDelta(ReplicaDelta delta)
    {
        LwwMap incoming;
        try
        {
            incoming = LwwMapWire.ToMap(delta.Entries ?? [], delta.Clock);
        }
        catch (ArgumentException e)
        {
            ClusterToolsLog.GossipIgnored(Log, "replicated state", "a delta", delta.Origin?.ToString() ?? "local", e.Message);
            return;
        }

        var before = _map;
        var merged = before.Merge(incoming);
        var changed = incoming.Entries.Keys
            .Where(k => !before.TryGet(k, out var old) || !old.Equals(merged.Entries[k]))
            .ToList();
        if (changed.Count > 0 || merged.Clock != before.Clock)
        {
            SetMap(merged, changed);
        }
    }

    private void SendChunks(IActorRef to, LwwMap map, bool full)
    {
        foreach (var chunk in LwwMapWire.Chunks(map, _settings.MaxDeltaBytes))
        {
            to.Tell(new ReplicaDelta(map.Clock, chunk, full), Self);
        }
    }

    private void OnClusterEvent(object e)
    {
        foreach (var change in _peers.Apply(e))
        {
            var address = change.Peer.Address;
            switch (change.Kind)
            {
                case PeerChangeKind.Added:
                    _peerRefs.Remove(address);
                    PeerActor(address).Tell(Status(), Self);
                    break;
                case PeerChangeKind.Reachability when _peers.IsReachable(address):
                    PeerActor(address).Tell(Status(), Self);
                    break;
                case PeerChangeKind.Removed:
                    _peerRefs.Remove(address);
                    MarkRemoved(change.Peer.VersionKey);
                    break;
            }
        }
    }

    private void MarkRemoved(string ownerKey)
    {
        var marked = _map.Entries.Where(kv => kv.Value.Version.Node == ownerKey && !kv.Value.OwnerRemoved).Select(kv => kv.Key).ToList();
        if (marked.Count > 0)
        {
            SetMap(_map.MarkOwnerRemoved(ownerKey), marked);
            ClusterToolsLog.MarkedRemoved(Log, marked.Count, ownerKey);
        }
    }

    private IActorRef PeerActor(string address)
    {
        if (!_peerRefs.TryGetValue(address, out var peer))
        {
            peer = Context.System.ResolveActorRef(address + Self.Path.ToStringWithoutAddress());
            _peerRefs[address] = peer;
        }

        return peer;
    }
}
