namespace IotActors.Home.Site;

/// <summary>The result of <see cref="ISiteCommands.SendCommandAsync"/>.</summary>
/// <param name="Status">How the command ended.</param>
/// <param name="Detail">A sentence for humans (why it was rejected, or what changed).</param>
/// <param name="Device">The device's state after the command, when it exists.</param>
public sealed record CommandOutcome(CommandStatus Status, string Detail, Model.SiteDeviceState? Device = null);
