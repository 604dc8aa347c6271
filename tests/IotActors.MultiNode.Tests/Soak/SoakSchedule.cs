namespace IotActors.MultiNode.Tests.Soak;

/// <summary>
/// The seeded chaos schedule: faults on random nodes such that, counting a settle time after each fault, never more
/// than a minority of the site is faulted at once. The same seed, node count and duration give the same schedule.
/// </summary>
internal static class SoakSchedule
{
    /// <summary>Time a victim stays reserved after its fault ends, so it can rejoin before it counts as healthy again.</summary>
    public static readonly TimeSpan Settle = TimeSpan.FromSeconds(12);

    /// <summary>Builds the faults for <paramref name="nodeCount"/> nodes over <paramref name="duration"/>.</summary>
    public static IReadOnlyList<SoakFault> Build(int seed, int nodeCount, TimeSpan duration)
    {
        if (nodeCount < 3) throw new ArgumentOutOfRangeException(nameof(nodeCount), nodeCount, "a soak needs at least 3 nodes to keep a majority");
        int minority = (nodeCount - 1) / 2;
        var random = new Random(seed);
        var faults = new List<SoakFault>();
        var busyUntil = new TimeSpan[nodeCount];
        var kinds = Enum.GetValues<SoakFaultKind>();
        TimeSpan t = TimeSpan.FromSeconds(3);
        TimeSpan lastStart = duration - TimeSpan.FromSeconds(5);
        while (t < lastStart)
        {
            var free = Enumerable.Range(0, nodeCount).Where(i => busyUntil[i] <= t).ToList();
            int busy = nodeCount - free.Count;
            int room = minority - busy;
            if (room > 0)
            {
                var kind = kinds[random.Next(kinds.Length)];
                int count = room >= 2 && random.NextDouble() < 0.3 ? 2 : 1;
                var victims = free.OrderBy(_ => random.Next()).Take(count).Order().ToList();
                var hold = TimeSpan.FromSeconds(4 + random.Next(0, 12));
                if (t + hold > duration) hold = duration - t;
                double loss = kind == SoakFaultKind.Degrade ? 0.05 + random.Next(0, 16) / 100.0 : 0;
                int min = 10 + random.Next(0, 30);
                var delay = kind == SoakFaultKind.Degrade ? (min, min + random.Next(5, 40)) : (0, 0);
                faults.Add(new SoakFault(faults.Count, kind, victims, t, hold, loss, delay));
                foreach (int v in victims) busyUntil[v] = t + hold + Settle;
            }
            t += TimeSpan.FromSeconds(2 + random.Next(0, 7));
        }
        return faults;
    }
}
