using System.Text.Json;
using IotActors.Cluster.Replication;
using IotActors.Cluster.Tools.Replication;

namespace IotActors.Cluster.Tests.Tools;

/// <summary>Chunking, decoding, digests and the file store of the replicated map.</summary>
public sealed class LwwMapWireTests
{
    private static LwwMap RandomMap(int seed, int writes)
    {
        var random = new Random(seed);
        var map = LwwMap.Empty;
        for (var i = 0; i < writes; i++)
        {
            map = map.Update($"node-{random.Next(3)}", $"k{random.Next(50)}", $"{{\"v\":{random.Next(1000)},\"pad\":\"{new string('x', random.Next(200))}\"}}");
        }

        return map;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Chunks_are_in_clock_order_within_the_size_and_rebuild_the_same_map(int seed)
    {
        var map = RandomMap(seed, 300);
        var chunks = LwwMapWire.Chunks(map, 4096).ToList();

        chunks.Should().HaveCountGreaterThan(1);
        chunks.SelectMany(c => c).Select(e => e.Clock).Should().BeInAscendingOrder();
        chunks.Should().OnlyContain(c => c.Sum(e => e.Key.Length + e.Value.Length + e.Node.Length + 64) <= 4096 || c.Length == 1);
        var rebuilt = chunks.Aggregate(LwwMap.Empty, (m, c) => m.Merge(LwwMapWire.ToMap(c, map.Clock)));
        rebuilt.Should().Be(map);
        LwwMapWire.Digest(rebuilt).Should().Be(LwwMapWire.Digest(map));
    }

    [Fact]
    public void Digest_changes_with_an_owner_removed_mark()
    {
        var map = LwwMap.Empty.Update("a", "k", "1");
        LwwMapWire.Digest(map.MarkOwnerRemoved("a")).Should().NotBe(LwwMapWire.Digest(map));
    }

    [Fact]
    public void Concurrent_writes_with_equal_clocks_resolve_by_node_whatever_the_merge_order()
    {
        var a = LwwMap.Empty.Update("node-a", "fan", "\"a\"");
        var b = LwwMap.Empty.Update("node-b", "fan", "\"b\"");
        a.Merge(b).Entries["fan"].ValueJson.Should().Be("\"b\"");
        b.Merge(a).Should().Be(a.Merge(b));
    }

    [Fact]
    public void Decoding_refuses_entries_without_a_writer_node()
    {
        var act = () => LwwMapWire.ToMap([new WireEntry("k", "1", 1, "", false)], 1);
        act.Should().Throw<ArgumentException>().WithMessage("*writer node*");
    }

    [Fact]
    public void File_store_round_trips_the_map_and_reports_a_corrupt_file()
    {
        var dir = Directory.CreateTempSubdirectory("iot-store-");
        try
        {
            var store = new ReplicaFileStore(Path.Combine(dir.FullName, "sub", "state.json"));
            store.Load().Should().BeNull();
            var map = RandomMap(7, 40).MarkOwnerRemoved("node-1");
            store.Save(map);
            store.Load().Should().Be(map);

            File.WriteAllText(store.Path, "{ not json");
            store.Invoking(s => s.Load()).Should().Throw<JsonException>();
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
