using FluentAssertions;
using IotActors.Home.Actors;
using IotActors.Home.Audit;
using IotActors.Home.Configuration;
using IotActors.Home.Model;
using IotActors.TestKit;

namespace IotActors.Home.Tests.Actors;

public sealed class PolicyTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly string _dirA = Directory.CreateTempSubdirectory("home-policy-a-").FullName;
    private readonly string _dirB = Directory.CreateTempSubdirectory("home-policy-b-").FullName;

    [Fact]
    public async Task SetActive_from_a_sensor_role_node_is_rejected_counted_and_audited()
    {
        await using var actuatorNode = await HomeSystem.StartAsync(_dirA, HomeOptions.Default, ["actuator"], remoting: true, name: "site-a");
        await using var sensorNode = await HomeSystem.StartAsync(_dirB, HomeOptions.Default, ["sensor"], remoting: true, name: "site-b", actuators: ["other-fan"]);
        actuatorNode.Actuator();
        var remoteFan = sensorNode.System.ResolveActorRef(actuatorNode.System.Address + "/user/site-devices/actuator-fan-1");

        remoteFan.Tell(new ActuatorCommand(new SetActive("fan-1", true, "sensor says so")), null);

        TestKit.TestKit.AwaitCondition(() => actuatorNode.Site.Counters.PolicyRejections == 1, Wait);
        actuatorNode.Hardware.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        TestKit.TestKit.AwaitAssert(() =>
        {
            var items = actuatorNode.Audit.QueryAsync(new AuditQuery()).GetAwaiter().GetResult().Items;
            items.Should().Contain(i => i.Entry.Outcome == "rejected" && i.Entry.What == HomeMessages.ActuatorCommandManifest && i.Entry.Role == "sensor");
        }, Wait);
        actuatorNode.Logs.Entries.Should().Contain(e => e.Message.Contains("refused home.ActuatorCommand", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        foreach (var dir in new[] { _dirA, _dirB })
        {
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
