using System.Net.Sockets;
using IotActors.Actors;
using IotActors.Cluster.Daemon;
using IotActors.Cluster.Downing;
using IotActors.Cluster.Membership;
using Microsoft.Extensions.Logging;

namespace IotActors.Cluster.Discovery;

/// <summary>
/// UDP discovery (<c>/system/cluster/discovery</c>): sends a sealed beacon every interval (at the startup interval right after
/// start and whenever this node is no member, e.g. after it downed itself), opens received beacons (wrong key, replay, other
/// cluster: counted and ignored), and, while this node is not a member, tells the daemon to join a heard cluster or, when no
/// cluster is heard and this node is the lowest, to form one. A member answers a non-member's beacon at once (at most once per
/// startup interval), so a node looking for the cluster, e.g. the minority after a partition heals, finds it within about one
/// startup interval.
/// </summary>
internal sealed class DiscoveryActor : ReceiveActor, IWithTimers
{
    private readonly Cluster _cluster;
    private readonly DiscoverySettings _settings;
    private readonly Keyring _keyring;
    private readonly ReplayFilter _replay = new();
    private readonly Dictionary<UniqueAddress, (HeardNode Node, long At)> _heard = [];
    private readonly StableAfterTimer _formation;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly CancellationTokenSource _stopping = new();
    private readonly long _startedAt;
    private UdpBeaconSocket? _socket;
    private DiscoveryStatus? _status;
    private ulong _counter;
    private TimeSpan _beaconInterval;
    private long _lastAnswer;

    public DiscoveryActor(Cluster cluster, DiscoverySettings settings)
    {
        _cluster = cluster;
        _settings = settings;
        _keyring = new Keyring(BeaconKey.FromSecret(settings.Secret));
        _time = Context.System.TimeProvider;
        _formation = new StableAfterTimer(_time, settings.FormationStablePeriod);
        _log = Context.System.LoggerFactory.CreateLogger("IotActors.Cluster.Discovery");
        _startedAt = _time.GetTimestamp();
        Receive<DiscoveryStatus>(OnStatus);
        Receive<BeaconTick>(_ => SendBeacon());
        Receive<DatagramReceived>(d => OnDatagram(d.Datagram));
        Receive<FormationTick>(_ => Decide());
    }

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart()
    {
        var options = new UdpBeaconSocketOptions(_settings.BindAddress, _settings.Port, [.. _settings.Targets])
        {
            IgnoredLogInterval = _settings.IgnoredLogInterval,
            MulticastGroup = _settings.MulticastGroup,
        };
        try
        {
            _socket = new UdpBeaconSocket(options, _time, Context.System.LoggerFactory.CreateLogger<UdpBeaconSocket>());
        }
        catch (SocketException e)
        {
            DiscoveryLog.BindFailed(_log, _settings.Port, e.Message);
            return;
        }

        var self = Self;
        var socket = _socket;
        var token = _stopping.Token;
        _ = Task.Run(() => ReceiveLoopAsync(socket, self, token));
        _beaconInterval = _settings.StartupInterval;
        Timers.StartPeriodicTimer("beacon", BeaconTick.Instance, _beaconInterval);
        Timers.StartPeriodicTimer("decide", FormationTick.Instance, _settings.StartupInterval);
    }

    protected override void PostStop()
    {
        _stopping.Cancel();
        _socket?.Dispose();
        _stopping.Dispose();
    }

    private async Task ReceiveLoopAsync(UdpBeaconSocket socket, IActorRef self, CancellationToken token)
    {
        while (!token.IsCancellationRequested)
        {
            try
            {
                var datagram = await socket.ReceiveAsync(token).ConfigureAwait(false);
                self.Tell(new DatagramReceived(datagram), null);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException e)
            {
                DiscoveryLog.ReceiveFailed(_log, e.Message);
                try
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(200), _time, token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private void OnStatus(DiscoveryStatus status)
    {
        var changed = _status is null || _status.ClusterId != status.ClusterId || !_status.Self.Equals(status.Self);
        if (_status is not null && !_status.Self.Equals(status.Self))
        {
            // A new incarnation starts from what it hears from now on, not from beacons heard while it was a member.
            _heard.Clear();
        }

        _status = status;
        if (changed)
        {
            SendBeacon();
        }
    }

    private void SendBeacon()
    {
        var looking = _time.GetElapsedTime(_startedAt) < _settings.StartupDuration || _status is { Active: true, ClusterId: null };
        var interval = looking ? _settings.StartupInterval : _settings.Interval;
        if (interval != _beaconInterval)
        {
            _beaconInterval = interval;
            Timers.StartPeriodicTimer("beacon", BeaconTick.Instance, interval);
        }

        if (_socket is not { } socket || _status is not { Active: true } status)
        {
            return;
        }

        var beacon = new DiscoveryBeacon(_settings.ClusterName, status.Self, status.Roles, status.ClusterId, ++_counter, _time.GetUtcNow());
        var datagram = BeaconCodec.Seal(beacon, _keyring);
        Interlocked.Increment(ref _cluster.Metrics.beaconsSent);
        _ = SendAsync(socket, datagram);
    }

    private async Task SendAsync(UdpBeaconSocket socket, byte[] datagram)
    {
        try
        {
            await socket.SendAsync(datagram, _stopping.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            // Stopping.
        }
    }

    private void OnDatagram(UdpBeaconDatagram datagram)
    {
        var opened = BeaconCodec.Open(datagram.Payload, _keyring, _settings.ClusterName, _replay);
        if (opened.Beacon is not { } beacon)
        {
            Interlocked.Increment(ref _cluster.Metrics.beaconsIgnored);
            _socket?.ReportIgnored(datagram.Source, opened.Rejected!.Value);
            return;
        }

        if (_status is { } status && IsSameNode(beacon.Node, status.Self))
        {
            return;
        }

        var now = _time.GetTimestamp();
        _heard[beacon.Node] = (new HeardNode(beacon.Node, beacon.ClusterIncarnation), now);
        if (beacon.ClusterIncarnation is null && _status is { Active: true, ClusterId: not null } && _time.GetElapsedTime(_lastAnswer, now) >= _settings.StartupInterval)
        {
            _lastAnswer = now;
            SendBeacon(); // a node looking for a cluster hears this one now rather than at our next interval
        }
    }

    private void Decide()
    {
        var now = _time.GetTimestamp();
        foreach (var stale in _heard.Where(h => _time.GetElapsedTime(h.Value.At, now) > _settings.HeardExpiry).Select(h => h.Key).ToList())
        {
            _heard.Remove(stale);
        }

        if (_status is not { Active: true, ClusterId: null } status)
        {
            return;
        }

        var heard = _heard.Values.Select(h => h.Node).ToList();
        _formation.Observe(heard.Select(h => Member.Joining(h.Node)), []);
        var action = FormationDecision.Decide(status.Self, heard, _formation.IsStable);
        if (action.Kind == FormationKind.Join)
        {
            Context.Parent.Tell(new DiscoveredCluster(action.Seed!, action.ClusterIncarnation!.Value), Self);
        }
        else if (action.Kind == FormationKind.FormCluster && status.MayForm)
        {
            Context.Parent.Tell(FormCluster.Instance, Self);
        }
    }

    private static bool IsSameNode(UniqueAddress a, UniqueAddress b) => a.Host == b.Host && a.Port == b.Port && a.System == b.System;
}
