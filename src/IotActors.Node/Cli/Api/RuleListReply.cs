using IotActors.Node.Api.Dto;

namespace IotActors.Node.Cli.Api;

/// <summary>The body of <c>GET /api/rules</c>.</summary>
internal sealed record RuleListReply(long Version, IReadOnlyList<RuleDto> Rules);
