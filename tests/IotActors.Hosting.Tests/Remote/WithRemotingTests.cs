using IotActors.Actors;
using IotActors.Remote.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Hosting;

namespace IotActors.Hosting.Tests.Remote;

public sealed record Ping(string Text);

public sealed record Pong(string Text);

[JsonSerializable(typeof(Ping))]
[JsonSerializable(typeof(Pong))]
internal sealed partial class PingJson : JsonSerializerContext;

public sealed class WithRemotingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("iotactors-remoting-host-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private sealed class Echo : ReceiveActor
    {
        public Echo() => Receive<Ping>(m => Sender.Tell(new Pong("echo:" + m.Text)));
    }

    private IHost Build(string name, string? secretFile, Action<IotActorsBuilder>? more = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        var settings = new Dictionary<string, string?>
        {
            ["iotactors:system-name"] = "site",
            ["iotactors:node:name"] = name,
            ["iotactors:node:data-dir"] = Path.Combine(_dir, name),
            ["iotactors:node:heartbeat-log-interval"] = "0s",
            ["iotactors:remote:host"] = "127.0.0.1",
            ["iotactors:remote:port"] = "0",
            ["iotactors:remote:secret-file"] = secretFile,
        };
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddIotActors(b =>
        {
            b.WithRemoting(registry => registry
                .Register("test.ping", PingJson.Default.Ping)
                .Register("test.pong", PingJson.Default.Pong));
            more?.Invoke(b);
        });
        return builder.Build();
    }

    private string WriteSecret(string name)
    {
        string path = Path.Combine(_dir, name);
        ClusterSecret.Generate().WriteToFile(path);
        return path;
    }

    [Fact]
    public async Task Two_hosted_nodes_with_the_same_secret_talk_over_tls()
    {
        string secret = WriteSecret("secret");
        using IHost a = Build("a", secret, b => b.WithActors((system, _) => system.ActorOf(Props.Create<Echo>(), "echo")));
        using IHost b = Build("b", secret);
        await a.StartAsync();
        await b.StartAsync();

        var systemA = a.Services.GetRequiredService<ActorSystem>();
        var systemB = b.Services.GetRequiredService<ActorSystem>();
        systemA.Address.Port.Should().BeGreaterThan(0, "the transport bound before actors were created");
        IActorRef remoteEcho = systemB.ResolveActorRef($"{systemA.Address}/user/echo");
        (await remoteEcho.Ask<Pong>(new Ping("hi"), TimeSpan.FromSeconds(10))).Text.Should().Be("echo:hi");

        await b.StopAsync();
        await a.StopAsync();
        File.Exists(Path.Combine(_dir, "a", "node-cert.pfx")).Should().BeTrue("the node certificate is generated under the data directory");
    }

    [Fact]
    public async Task Missing_secret_stops_start_with_a_message_that_says_where_to_put_it()
    {
        string? saved = Environment.GetEnvironmentVariable("IOTACTORS_CLUSTER_SECRET");
        Environment.SetEnvironmentVariable("IOTACTORS_CLUSTER_SECRET", null);
        try
        {
            using IHost host = Build("c", secretFile: null);
            var act = () => host.StartAsync();
            (await act.Should().ThrowAsync<Exception>()).Which.Message.Should().Contain("IOTACTORS_CLUSTER_SECRET");
        }
        finally
        {
            Environment.SetEnvironmentVariable("IOTACTORS_CLUSTER_SECRET", saved);
        }
    }

    [Fact]
    public async Task A_secret_file_readable_by_others_still_works_but_its_value_never_appears_in_errors()
    {
        string path = Path.Combine(_dir, "bad-secret");
        File.WriteAllText(path, "not base64 at all!");
        using IHost host = Build("d", path);
        var act = () => host.StartAsync();
        var error = (await act.Should().ThrowAsync<Exception>()).Which;
        error.ToString().Should().NotContain("not base64 at all!");
        error.Message.Should().Contain(path);
    }
}
