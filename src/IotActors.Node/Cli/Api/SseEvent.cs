namespace IotActors.Node.Cli.Api;

/// <summary>One Server-Sent Event: its name (<c>message</c> when none was given) and its data lines joined by newlines.</summary>
internal sealed record SseEvent(string Name, string Data);
