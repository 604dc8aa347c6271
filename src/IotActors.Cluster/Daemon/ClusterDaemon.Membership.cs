using IotActors.Actors;
using IotActors.Cluster.Membership;
using IotActors.Cluster.Wire;
using IotActors.Remote;

namespace IotActors.Cluster.Daemon;

internal sealed partial class ClusterDaemon
{
    private void Form()
    {
        if (IsMember || _mode == JoinMode.Done)
        {
            return;
        }

        _clusterId = Guid.NewGuid();
        Timers.Cancel("join-retry");
        Timers.Cancel("seed-timeout");
        _joinSeed = null;
        _mode = JoinMode.MayForm;
        ClusterLog.Formed(_log, _self.Address, _clusterId.Value);
        Update(Gossip.Empty.WithMember(Member.Joining(_self, Roles)).Increment(_self));
        OnLeaderTick();
    }

    private void OnSeedNodeTimeout()
    {
        if (!IsMember && _mode == JoinMode.MayForm)
        {
            Form();
        }
    }

    private void OnDiscoveredCluster(DiscoveredCluster d)
    {
        if (IsMember || _mode == JoinMode.Done)
        {
            return;
        }

        var seed = new NodeAddress(d.Seed.System, d.Seed.Host, d.Seed.Port);
        if (!seed.Equals(_joinSeed))
        {
            StartJoining(seed);
        }
    }

    private void StartJoining(NodeAddress seed)
    {
        if (IsMember || _mode == JoinMode.Done)
        {
            return;
        }

        _joinSeed = seed;
        ClusterLog.Joining(_log, _self.Address, seed.ToString());
        SendJoin(seed);
        Timers.StartPeriodicTimer("join-retry", JoinRetryTick.Instance, _settings.JoinRetryInterval);
    }

    private void RetryJoin()
    {
        if (IsMember || _mode == JoinMode.Done)
        {
            Timers.Cancel("join-retry");
            return;
        }

        if (_joinSeed is { } seed)
        {
            SendJoin(seed);
        }

        foreach (var s in _seeds.Where(s => !s.Equals(_remoting.Address) && !s.Equals(_joinSeed)))
        {
            SendJoin(s);
        }
    }

    private void SendJoin(NodeAddress seed) => DaemonAt(seed).Tell(new JoinRequest(WireAddress.From(_self), [.. Roles]), Self);

    private void OnJoinRequest(JoinRequest request)
    {
        if (!IsMember || _leaving || _clusterId is not { } clusterId)
        {
            return;
        }

        if (!request.From.IsClaimedBy(request.Origin) || request.From.System != _self.System)
        {
            ClusterLog.Ignored(_log, nameof(JoinRequest), request.Origin?.ToString() ?? "?", $"it claims to be {request.From.Host}:{request.From.Port}");
            return;
        }

        var joiner = request.From.ToUnique();
        var existing = _gossip.MemberAt(joiner);
        if (existing is { Status: MemberStatus.Down or MemberStatus.Removed })
        {
            return;
        }

        if (existing is null)
        {
            var next = _gossip;
            foreach (var old in _gossip.ActiveMembers.Where(m => SameNode(m.Address, joiner) && m.Status != MemberStatus.Down))
            {
                next = next.UpdateStatus(old.Address, MemberStatus.Down);
            }

            var roles = request.Origin?.Roles ?? [];
            Update(next.WithMember(Member.Joining(joiner, roles)).Increment(_self));
        }

        DaemonAt(joiner).Tell(new Welcome(WireAddress.From(_self), request.From, GossipCodec.Encode(_gossip, clusterId)), Self);
    }

    private void OnWelcome(Welcome welcome)
    {
        if (IsMember || _mode == JoinMode.Done || !welcome.To.ToUnique().Equals(_self) || !welcome.From.IsClaimedBy(welcome.Origin))
        {
            return;
        }

        Gossip received;
        try
        {
            received = GossipCodec.Decode(welcome.Gossip);
        }
        catch (FormatException e)
        {
            ClusterLog.Ignored(_log, nameof(Welcome), welcome.Origin?.ToString() ?? "?", e.Message);
            return;
        }

        if (received.MemberAt(_self) is not { Status: MemberStatus.Joining or MemberStatus.Up })
        {
            return;
        }

        _clusterId = welcome.Gossip.ClusterId;
        _joinSeed = null;
        Timers.Cancel("join-retry");
        Timers.Cancel("seed-timeout");
        ClusterLog.Welcomed(_log, _self.Address, welcome.Gossip.ClusterId, welcome.From.Host + ":" + welcome.From.Port);
        Update(received.SeenBy(_self));
        GossipTo(welcome.From.ToUnique());
    }

    private void OnLeave()
    {
        if (!IsMember)
        {
            _mode = JoinMode.Done;
            Timers.Cancel("join-retry");
            PublishStatus();
            _cluster.SignalLeft();
            return;
        }

        _leaving = true;
        var me = _gossip.MemberAt(_self)!;
        if (me.Status is MemberStatus.Joining or MemberStatus.Up)
        {
            ClusterLog.Leaving(_log, _self.Address);
            Update(_gossip.UpdateStatus(_self, MemberStatus.Leaving).Increment(_self));
            GossipRound();
        }
    }

    private void OnDownMember(DownMember down)
    {
        var targets = _gossip.ActiveMembers
            .Where(m => m.Status != MemberStatus.Down && m.Address.Host == down.Address.Host && m.Address.Port == down.Address.Port
                        && m.Address.System == down.Address.System)
            .ToList();
        if (!IsMember || targets.Count == 0)
        {
            return;
        }

        var next = _gossip;
        foreach (var m in targets)
        {
            ClusterLog.DownedByRequest(_log, m.Address.Address);
            next = next.UpdateStatus(m.Address, MemberStatus.Down);
            Interlocked.Increment(ref _cluster.Metrics.membersDowned);
        }

        Update(next.Increment(_self));
        GossipRound();
    }

    /// <summary>After an update: this node Removed (after leaving) or Down means it is no longer a member; start over or stop.</summary>
    private void CheckSelfStatus(Gossip previous)
    {
        var before = previous.MemberAt(_self);
        var now = _gossip.MemberAt(_self);
        if (before is null || before.Status is MemberStatus.Down or MemberStatus.Removed || now is null)
        {
            return;
        }

        if (now.Status is not (MemberStatus.Down or MemberStatus.Removed))
        {
            return;
        }

        // Tell the others first: a leader that removed or downed itself would otherwise take the news with it.
        foreach (var peer in _gossip.ActiveMembers.Where(m => !m.Address.Equals(_self)))
        {
            GossipTo(peer.Address);
        }

        var removedAfterLeave = _leaving && now.Status == MemberStatus.Removed;
        var old = _self;
        _self = Cluster.NewSelf(_remoting);
        _gossip = Gossip.Empty;
        _clusterId = null;
        _digest = "";
        _joinSeed = null;
        if (removedAfterLeave || _leaving)
        {
            _mode = JoinMode.Done;
            ClusterLog.SelfRemoved(_log, old.Address);
        }
        else
        {
            _mode = _settings.AutoRejoin ? JoinMode.RejoinOnly : JoinMode.Done;
            ClusterLog.SelfDowned(_log, old.Address, _mode == JoinMode.RejoinOnly
                ? $"will rejoin as uid {_self.Incarnation} when it hears the cluster" : "auto-rejoin is off");
            if (_mode == JoinMode.RejoinOnly)
            {
                Interlocked.Increment(ref _cluster.Metrics.rejoins);
                if (_seeds.Any(s => !s.Equals(_remoting.Address)))
                {
                    Timers.StartPeriodicTimer("join-retry", JoinRetryTick.Instance, _settings.JoinRetryInterval);
                }
            }
        }

        _leaving = false;
        _cluster.Publish(CurrentClusterState.Empty(_self));
        UpdateHeartbeatTargets();
        PublishStatus();
        // Let the final gossip reach the wire before anyone waiting on the leave stops the node.
        Timers.StartSingleTimer("signal-left", SignalLeftTick.Instance, TimeSpan.FromMilliseconds(300));
    }

    private static bool SameNode(UniqueAddress a, UniqueAddress b) => a.Host == b.Host && a.Port == b.Port && a.System == b.System;
}
