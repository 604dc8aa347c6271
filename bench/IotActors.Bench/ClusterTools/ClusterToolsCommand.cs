using System.Diagnostics;
using IotActors.Actors;
using IotActors.Cluster.Tools.PubSub;
using IotActors.Cluster.Tools.Replication;

namespace IotActors.Bench.ClusterTools;

/// <summary>Publish throughput to 3 subscribers on 3 nodes, and time for 5 nodes to converge after 1,000 updates (in-process systems on loopback).</summary>
internal sealed class ClusterToolsCommand : IBenchCommand
{
    public string Name => "cluster-tools";

    public string Usage => "[--messages N (20000)] [--updates N (1000)] [--nodes N (5)]";

    public async Task<int> RunAsync(string[] args)
    {
        var messages = CommandArgs.Int(args, "--messages", 20_000);
        var updates = CommandArgs.Int(args, "--updates", 1_000);
        var nodes = CommandArgs.Int(args, "--nodes", 5);
        await PublishThroughputAsync(messages);
        await ConvergenceAsync(updates, nodes);
        return 0;
    }

    private static async Task PublishThroughputAsync(int messages)
    {
        var nodes = await ToolsBenchNode.StartAsync(3, "pub");
        try
        {
            var counters = new Counter[3];
            for (var i = 0; i < 3; i++)
            {
                var counter = counters[i] = new Counter(messages);
                var subscriber = nodes[i].System.ActorOf(Props.Create(() => new CountingSubscriber(counter)), "sub");
                DistributedPubSub.Get(nodes[i].System).Mediator.Tell(new Subscribe("bench", subscriber), null);
            }

            await WaitUntilAsync(() => nodes.All(n => TopicNodeCount(n.System) == 3), TimeSpan.FromSeconds(10));
            var mediator = DistributedPubSub.Get(nodes[0].System).Mediator;
            var sw = Stopwatch.StartNew();
            for (var i = 0; i < messages; i++)
            {
                mediator.Tell(new Publish("bench", new BenchReading(i)), null);
            }

            await Task.WhenAll(counters.Select(c => c.Done.Task)).WaitAsync(TimeSpan.FromSeconds(120));
            sw.Stop();
            Console.WriteLine($"pub-sub: {messages} publishes to 3 subscribers on 3 nodes (in-process, loopback TCP, no TLS): " +
                $"{sw.Elapsed.TotalMilliseconds:F0} ms, {messages / sw.Elapsed.TotalSeconds:F0} publishes/s, {3 * messages / sw.Elapsed.TotalSeconds:F0} deliveries/s");
        }
        finally
        {
            await Task.WhenAll(nodes.Select(n => n.System.Terminate()));
        }
    }

    private static async Task ConvergenceAsync(int updates, int count)
    {
        var nodes = await ToolsBenchNode.StartAsync(count, "rs");
        try
        {
            await Task.Delay(500);
            var sw = Stopwatch.StartNew();
            for (var i = 0; i < updates; i++)
            {
                ReplicatedState.Get(nodes[i % count].System).Replicator.Tell(new Update($"device-{i % 250}", $"{{\"seq\":{i},\"state\":\"active\"}}"), null);
            }

            // A GetAll queued after the updates returns once each node has applied its own writes.
            await Task.WhenAll(nodes.Select(n => ReplicatedState.Get(n.System).GetAllAsync()));
            var written = sw.Elapsed;
            await WaitUntilAsync(() => Converged(nodes.Select(n => n.System)), TimeSpan.FromSeconds(30));
            sw.Stop();
            Console.WriteLine($"replicated state: {updates} updates spread over {count} nodes (in-process, loopback TCP, no TLS, gossip 200 ms): " +
                $"written in {written.TotalMilliseconds:F0} ms, converged on all nodes {sw.Elapsed.TotalMilliseconds:F0} ms after the first update (target <= 3000 ms)");
        }
        finally
        {
            await Task.WhenAll(nodes.Select(n => n.System.Terminate()));
        }
    }

    private static bool Converged(IEnumerable<ActorSystem> systems)
    {
        var all = systems.Select(s => ReplicatedState.Get(s).GetAllAsync().GetAwaiter().GetResult()).ToList();
        return all.Select(a => a.Digest).Distinct().Count() == 1;
    }

    private static int TopicNodeCount(ActorSystem system) =>
        DistributedPubSub.Get(system).Mediator.Ask<TopicNodes>(new GetTopicNodes("bench"), TimeSpan.FromSeconds(5)).GetAwaiter().GetResult().Nodes.Count;

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var sw = Stopwatch.StartNew();
        while (!condition())
        {
            if (sw.Elapsed > timeout)
            {
                throw new TimeoutException($"Condition not met within {timeout}.");
            }

            await Task.Delay(20);
        }
    }

    private sealed class Counter(int expected)
    {
        private int _count;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Increment()
        {
            if (Interlocked.Increment(ref _count) == expected)
            {
                Done.TrySetResult();
            }
        }
    }

    private sealed class CountingSubscriber : ReceiveActor
    {
        public CountingSubscriber(Counter counter) => Receive<BenchReading>(_ => counter.Increment());
    }
}
