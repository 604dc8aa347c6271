using System.Text.Json.Serialization;
using IotActors.Remote.Serialization;

namespace IotActors.Cluster.Tests.Tools;

/// <summary>A message published in the tests.</summary>
public sealed record Note(string Text);

/// <summary>A message type no node registers.</summary>
public sealed record Unregistered(string Text);

[JsonSerializable(typeof(Note))]
internal sealed partial class ToolsTestJson : JsonSerializerContext;

internal static class ToolsTestMessages
{
    public static MessageRegistry Registry()
    {
        var registry = new MessageRegistry();
        registry.Register("test.Note", ToolsTestJson.Default.Note);
        return registry;
    }
}
