using IotActors.Node.Tools;

namespace IotActors.Node.Api.Auth;

/// <summary>Endpoint metadata: the least role a caller needs (the last one added wins, so an endpoint can raise its group's).</summary>
internal sealed record RequiredRole(ApiRole Role);
