using System.Text.Json;
using IotActors.Cluster.Tools.PubSub;
using IotActors.Remote.Serialization;

namespace IotActors.Cluster.Tests.Tools;

/// <summary>The nested serialization of published messages.</summary>
public sealed class PubSubDeliverSerializerTests
{
    [Fact]
    public void A_registered_message_round_trips_with_its_topic_and_manifest()
    {
        var registry = ToolsTestMessages.Registry();
        var serializer = new PubSubDeliverSerializer(registry);

        var back = (PubSubDeliver)serializer.Deserialize(serializer.Serialize(new PubSubDeliver("readings", new Note("21.5"))));

        back.Topic.Should().Be("readings");
        back.Message.Should().Be(new Note("21.5"));
        back.InnerManifest.Should().Be("test.Note");
    }

    [Fact]
    public void A_message_unknown_to_the_receiver_becomes_an_undeliverable_payload_naming_the_manifest()
    {
        var bytes = new PubSubDeliverSerializer(ToolsTestMessages.Registry()).Serialize(new PubSubDeliver("t", new Note("x")));

        var back = (PubSubDeliver)new PubSubDeliverSerializer(new MessageRegistry()).Deserialize(bytes);

        back.Message.Should().BeOfType<UndeliverablePayload>().Which.Reason.Should().Contain("test.Note");
    }

    [Fact]
    public void A_truncated_envelope_is_refused()
    {
        var serializer = new PubSubDeliverSerializer(ToolsTestMessages.Registry());
        var act = () => serializer.Deserialize("{\"t\":\"x\"}"u8);
        act.Should().Throw<JsonException>();
    }
}
