using System.Net;
using System.Net.Sockets;
using System.Text;
using IotActors.TestKit.MultiNode;

namespace IotActors.MultiNode.Tests;

[Trait("Category", "MultiNode")]
public sealed class ClusterViewClientTests(ITestOutputHelper output)
{
    private const string Body = """
        {"self":"iot://iotactors@10.1.2.1:4053","leader":"iot://iotactors@10.1.2.1:4053","members":[
          {"address":"iot://iotactors@10.1.2.1:4053","status":"Up","roles":["controller"],"reachable":true},
          {"address":"iot://iotactors@10.1.2.2:4053","status":"Joining","roles":[],"reachable":false}]}
        """;

    [Fact]
    public Task Client_reads_the_view_from_inside_the_node_namespace_and_parses_members() =>
        MultiNodeCluster.RunAsync(output, Harness.Options() with { ApiPort = 18080 }, async cluster =>
        {
            // A stand-in for the node's endpoint (the real one comes with the cluster layer): one canned HTTP answer.
            ClusterNode node = cluster.AddNode();
            using Socket listener = node.CreateSocket(SocketType.Stream, ProtocolType.Tcp);
            listener.Bind(new IPEndPoint(node.Address, cluster.Options.ApiPort));
            listener.Listen();
            Task<string> served = ServeOnceAsync(listener);

            ClusterView view = await cluster.GetClusterViewAsync(node);

            (await served).Should().StartWith("GET /api/cluster HTTP/1.1");
            view.Self.Should().Be("iot://iotactors@10.1.2.1:4053");
            view.Leader.Should().Be(view.Self);
            view.Members.Should().HaveCount(2);
            view.UpMembers.Should().Equal("iot://iotactors@10.1.2.1:4053");
            view.Unreachable.Should().Equal("iot://iotactors@10.1.2.2:4053");
            view.Members[0].Roles.Should().Equal("controller");
        });

    [Fact]
    public Task TryGet_returns_null_while_the_endpoint_does_not_answer() =>
        MultiNodeCluster.RunAsync(output, Harness.Options() with { ApiPort = 18081 }, async cluster =>
        {
            ClusterNode node = cluster.AddNode();
            using var client = ClusterViewClient.For(node);
            (await client.TryGetAsync(node)).Should().BeNull();
        });

    private static async Task<string> ServeOnceAsync(Socket listener)
    {
        using Socket connection = await listener.AcceptAsync();
        var request = new StringBuilder();
        var buffer = new byte[4096];
        while (!request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            int n = await connection.ReceiveAsync(buffer);
            if (n == 0) break;
            request.Append(Encoding.ASCII.GetString(buffer, 0, n));
        }
        byte[] body = Encoding.UTF8.GetBytes(Body);
        string head = $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n";
        await connection.SendAsync(Encoding.ASCII.GetBytes(head));
        await connection.SendAsync(body);
        return request.ToString();
    }
}
