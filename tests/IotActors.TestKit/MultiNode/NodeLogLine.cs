namespace IotActors.TestKit.MultiNode;

/// <summary>One captured line of a node's output; <see cref="Sequence"/> counts every line the node ever wrote, across restarts.</summary>
public sealed record NodeLogLine(long Sequence, string Stream, string Text);
