namespace IotActors.Node.Cli.Api;

/// <summary>A successful API answer: the parsed value and the raw JSON it came from (for <c>--json</c>).</summary>
internal sealed record ApiReply<T>(T Value, string Json);
