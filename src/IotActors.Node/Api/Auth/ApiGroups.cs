using IotActors.Node.Tools;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IotActors.Node.Api.Auth;

/// <summary>Route-group helpers: every module maps its /api endpoints through <see cref="MapApi"/>, so none can forget authentication.</summary>
internal static class ApiGroups
{
    /// <summary>A group under <c>/api</c> that needs at least a viewer token.</summary>
    public static RouteGroupBuilder MapApi(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGroup("/api").AddEndpointFilter<ApiAuthFilter>().WithMetadata(new RequiredRole(ApiRole.Viewer));

    /// <summary>Raises the role this endpoint needs.</summary>
    public static TBuilder RequireRole<TBuilder>(this TBuilder builder, ApiRole role) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequiredRole(role));
}
