using System.Buffers;
using System.Text.Json;
using IotActors.Remote.Serialization;

namespace IotActors.Cluster.Tools.PubSub;

/// <summary>Serializes a <see cref="PubSubDeliver"/> with its inner message nested by the registry (so the inner type keeps its own manifest).</summary>
/// <remarks>Runs inside remoting's (de)serialization scope, so actor refs in the inner message cross the wire as usual.</remarks>
internal sealed class PubSubDeliverSerializer(MessageRegistry registry) : ISerializer
{
    /// <summary>The manifest of the envelope.</summary>
    public const string Manifest = "iot.tools.PubSubDeliver";

    /// <inheritdoc />
    public byte[] Serialize(object message)
    {
        var deliver = (PubSubDeliver)message;
        var (manifest, payload) = registry.Serialize(deliver.Message);
        var buffer = new ArrayBufferWriter<byte>(payload.Length + deliver.Topic.Length + manifest.Length + 32);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("t", deliver.Topic);
            writer.WriteString("m", manifest);
            writer.WriteBase64String("p", payload);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <inheritdoc />
    public object Deserialize(ReadOnlySpan<byte> payload)
    {
        var reader = new Utf8JsonReader(payload);
        string? topic = null;
        string? manifest = null;
        byte[]? inner = null;
        Expect(ref reader, JsonTokenType.StartObject);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "t": topic = reader.GetString(); break;
                case "m": manifest = reader.GetString(); break;
                case "p": inner = reader.GetBytesFromBase64(); break;
                default: reader.Skip(); break;
            }
        }

        if (topic is null || manifest is null || inner is null)
        {
            throw new JsonException("A pub-sub delivery needs a topic (t), a manifest (m) and a payload (p).");
        }

        object message = registry.TryDeserialize(manifest, inner, out var m, out var failure, out var detail)
            ? m
            : new UndeliverablePayload(manifest, failure == DeserializeFailure.UnknownManifest
                ? $"manifest '{manifest}' is not registered on this node"
                : $"bad payload for '{manifest}' ({detail})");
        return new PubSubDeliver(topic, message) { InnerManifest = manifest };
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (!reader.Read() || reader.TokenType != type)
        {
            throw new JsonException($"Expected {type} in a pub-sub delivery.");
        }
    }
}
