namespace IotActors.Home.Site;

/// <summary>Who asks for a command or a change: a token's name and the role it acted in.</summary>
/// <param name="Name">The user, token name or node.</param>
/// <param name="Role">The role, e.g. <c>viewer</c>, <c>operator</c>, <c>admin</c> or <c>controller</c>.</param>
public sealed record Principal(string Name, string Role);
