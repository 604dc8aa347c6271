using System.Text.Json.Serialization;

namespace IotActors.Node.Api.ToolsDebug;

/// <summary>The message the debug endpoints publish on a topic: free text and the publishing node.</summary>
internal sealed record ProbeNote(string Text, string From);

/// <summary>Source-generated JSON of <see cref="ProbeNote"/> (its remoting manifest is <c>debug.ProbeNote</c>).</summary>
[JsonSerializable(typeof(ProbeNote))]
internal sealed partial class ProbeJsonContext : JsonSerializerContext;
