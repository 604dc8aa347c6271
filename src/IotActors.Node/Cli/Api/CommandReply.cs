using IotActors.Node.Api.Dto;

namespace IotActors.Node.Cli.Api;

/// <summary>The body of an accepted <c>POST /api/devices/{id}/commands</c>.</summary>
internal sealed record CommandReply(string Status, string? Detail, DeviceDto? Device);
