using IotActors.Actors;
using IotActors.Cluster.Downing;
using IotActors.Cluster.Membership;
using IotActors.Cluster.Wire;

namespace IotActors.Cluster.Daemon;

internal sealed partial class ClusterDaemon
{
    /// <summary>While our version is new to most members, two more rounds run within each interval (as Akka does); at rest one.</summary>
    private bool IsGossipSpeedupNeeded => IsMember && _gossip.NeedsGossipSpeedup();

    private void OnGossipTick()
    {
        GossipRound();
        if (IsGossipSpeedupNeeded)
        {
            Timers.StartSingleTimer("gossip-speedup-1", GossipSpeedupTick.Instance, _settings.GossipInterval / 3);
            Timers.StartSingleTimer("gossip-speedup-2", GossipSpeedupTick.Instance, _settings.GossipInterval * 2 / 3);
        }
    }

    private void GossipRound()
    {
        if (!IsMember)
        {
            return;
        }

        var target = GossipTargetSelector.Select(_gossip, _self, _random, _settings.GossipDifferentViewProbability);
        if (target is null)
        {
            return;
        }

        if (_gossip.HasSeen(target))
        {
            Interlocked.Increment(ref _cluster.Metrics.gossipStatusSent);
            DaemonAt(target).Tell(new GossipStatus(WireAddress.From(_self), WireAddress.From(target), _digest), Self);
        }
        else
        {
            GossipTo(target);
        }
    }

    private void GossipTo(UniqueAddress target)
    {
        if (_clusterId is not { } clusterId)
        {
            return;
        }

        Interlocked.Increment(ref _cluster.Metrics.gossipSent);
        DaemonAt(target).Tell(new GossipEnvelope(WireAddress.From(_self), WireAddress.From(target), GossipCodec.Encode(_gossip, clusterId)), Self);
    }

    private bool Accepts(string message, WireAddress from, WireAddress to, Remote.NodeIdentity? origin)
    {
        if (!IsMember || !to.ToUnique().Equals(_self))
        {
            return false;
        }

        if (!from.IsClaimedBy(origin))
        {
            ClusterLog.Ignored(_log, message, origin?.ToString() ?? "?", $"it claims to be {from.System}@{from.Host}:{from.Port} but the link is authenticated as {origin} (all members of a cluster share one system name)");
            return false;
        }

        if (_gossip.MemberAt(from.ToUnique()) is { Status: MemberStatus.Removed or MemberStatus.Down })
        {
            // It has not heard yet that it was removed or downed: tell it, so it can stop or start over.
            GossipTo(from.ToUnique());
            return false;
        }

        return true;
    }

    private void OnGossipStatus(GossipStatus status)
    {
        if (Accepts(nameof(GossipStatus), status.From, status.To, status.Origin) && status.Digest != _digest)
        {
            GossipTo(status.From.ToUnique());
        }
    }

    private void OnGossip(GossipEnvelope envelope)
    {
        if (!Accepts(nameof(GossipEnvelope), envelope.From, envelope.To, envelope.Origin) || envelope.Gossip.ClusterId != _clusterId)
        {
            return;
        }

        Gossip remote;
        try
        {
            remote = GossipCodec.Decode(envelope.Gossip);
        }
        catch (FormatException e)
        {
            ClusterLog.Ignored(_log, nameof(GossipEnvelope), envelope.Origin?.ToString() ?? "?", e.Message);
            return;
        }

        Interlocked.Increment(ref _cluster.Metrics.gossipReceived);
        var merged = _gossip.Merge(remote).SeenBy(_self);
        if (!merged.Equals(_gossip))
        {
            Update(merged);
            if (IsMember && _gossip.HasConvergence())
            {
                // Convergence just reached: act now rather than at the next leader tick (up to leader-actions-interval later).
                PerformLeaderActions();
            }
        }

        if (IsMember && (!merged.Version.Equals(remote.Version) || !merged.Seen.SetEquals(remote.Seen)))
        {
            GossipTo(envelope.From.ToUnique());
        }
    }

    private void OnReachabilityVerdict(ReachabilityVerdict verdict)
    {
        if (!IsMember || _gossip.MemberAt(verdict.Subject) is not { Status: not (MemberStatus.Removed or MemberStatus.Down) })
        {
            return;
        }

        var reachability = verdict.Reachable
            ? _gossip.Reachability.Reachable(_self, verdict.Subject)
            : _gossip.Reachability.Unreachable(_self, verdict.Subject);
        if (ReferenceEquals(reachability, _gossip.Reachability))
        {
            return;
        }

        if (!verdict.Reachable)
        {
            Interlocked.Increment(ref _cluster.Metrics.unreachableMarked);
        }

        Update(_gossip.WithReachability(reachability).Increment(_self));
        GossipRound();
    }

    private void OnLeaderTick()
    {
        if (!IsMember)
        {
            return;
        }

        PerformLeaderActions();
        if (IsMember)
        {
            RunDowning();
        }
    }

    /// <summary>If this node is the leader: moves members on (Joining -> Up, Exiting -> Removed, ...) and gossips the result.</summary>
    private void PerformLeaderActions()
    {
        var acted = LeaderActions.Perform(_gossip, _self);
        if (!ReferenceEquals(acted, _gossip))
        {
            Update(acted);
            GossipRound();
        }
    }

    /// <summary>Feeds the stable-after timer the current members and unreachable nodes (on every gossip change, so it starts exactly).</summary>
    private (List<Member> Active, List<UniqueAddress> Unreachable) ObservePicture()
    {
        var active = _gossip.ActiveMembers.ToList();
        var unreachable = _gossip.Reachability.AllUnreachable
            .Where(a => _gossip.MemberAt(a) is { Status: not (MemberStatus.Down or MemberStatus.Removed) })
            .ToList();
        _stable.Observe(active, unreachable);
        return (active, unreachable);
    }

    private void RunDowning()
    {
        var (active, unreachable) = ObservePicture();
        if (!_settings.DowningEnabled || unreachable.Count == 0)
        {
            return;
        }

        if (!_stable.IsStable)
        {
            // Decide the moment the picture has been stable long enough, not up to a leader tick later.
            Timers.StartSingleTimer("downing", LeaderTick.Instance, _stable.RemainingUntilStable);
            return;
        }

        var decision = KeepMajority.Decide(active, unreachable, _self);
        if (decision.Kind == DowningKind.DownUnreachable && _self.Equals(_gossip.Leader()))
        {
            ClusterLog.DowningUnreachable(_log, decision.ToDown.Count, string.Join(", ", decision.ToDown), _stable.StableFor);
            ApplyDown(decision);
        }
        else if (decision.Kind == DowningKind.DownSelfSide)
        {
            ClusterLog.DowningSelfSide(_log, string.Join(", ", decision.ToDown));
            ApplyDown(decision);
        }
    }

    private void ApplyDown(DowningDecision decision)
    {
        var next = _gossip;
        foreach (var address in decision.ToDown)
        {
            if (next.MemberAt(address) is { Status: not (MemberStatus.Down or MemberStatus.Removed) })
            {
                next = next.UpdateStatus(address, MemberStatus.Down);
                Interlocked.Increment(ref _cluster.Metrics.membersDowned);
            }
        }

        if (!ReferenceEquals(next, _gossip))
        {
            Update(next.Increment(_self));
            GossipRound();
        }
    }
}
