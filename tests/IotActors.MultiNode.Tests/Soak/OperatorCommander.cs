using System.Collections.Concurrent;
using IotActors.MultiNode.Tests.Domain;
using IotActors.TestKit.MultiNode;

namespace IotActors.MultiNode.Tests.Soak;

/// <summary>Sends seeded operator commands to the operator-only fans and simulated-temperature changes for the rule-driven fan, through random nodes' APIs, and records every answer.</summary>
internal sealed class OperatorCommander(IReadOnlyList<ClusterNode> nodes, IReadOnlyList<NodeApi> apis, IReadOnlyList<string> fans, int seed)
{
    private readonly Random _random = new(seed);
    private readonly Dictionary<string, bool> _believed = fans.ToDictionary(f => f, _ => false);

    /// <summary>Every command sent, in order.</summary>
    public ConcurrentQueue<OperatorCommandRecord> Commands { get; } = new();

    /// <summary>Simulated target temperatures of t1 the API accepted, in order.</summary>
    public List<double> AcceptedTargets { get; } = [];

    /// <summary>Runs until <paramref name="stop"/>: a command every 1-3 s, a new t1 target every few commands.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            if (_random.Next(4) == 0)
            {
                await SimulateAsync(_random.Next(2) == 0 ? 20.0 : 26.0, _random.Next(nodes.Count)).ConfigureAwait(false);
            }
            else
            {
                string fan = fans[_random.Next(fans.Count)];
                bool desired = _random.NextDouble() < 0.75 ? !_believed[fan] : _believed[fan];
                await SendAsync(fan, desired, _random.Next(nodes.Count)).ConfigureAwait(false);
            }
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(1000 + _random.Next(2000)), stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>Sends one command for <paramref name="fan"/> through node <paramref name="via"/> and records the answer.</summary>
    public async Task<OperatorCommandRecord> SendAsync(string fan, bool desired, int via)
    {
        var sentAt = DateTimeOffset.UtcNow;
        int? status = null;
        string body;
        try
        {
            (int code, body) = await apis[via].PostAsync($"api/devices/{fan}/commands", new { active = desired }).ConfigureAwait(false);
            status = code;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            body = $"{e.GetType().Name}: {e.Message}";
        }
        var record = new OperatorCommandRecord(Commands.Count, fan, desired, nodes[via].Name, sentAt, DateTimeOffset.UtcNow, status, body);
        Commands.Enqueue(record);
        if (record.Acknowledged) _believed[fan] = desired;
        return record;
    }

    /// <summary>Sets t1's simulated target through node <paramref name="via"/>; true when the API accepted it.</summary>
    public async Task<bool> SimulateAsync(double target, int via)
    {
        try
        {
            var (status, _) = await apis[via].PostAsync("api/devices/t1/simulate", new { target }).ConfigureAwait(false);
            if (status != 200) return false;
            AcceptedTargets.Add(target);
            return true;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return false;
        }
    }
}
