using IotActors.Node.Api.Metrics;
using IotActors.Node.Tools;
using Microsoft.AspNetCore.Http;

namespace IotActors.Node.Api.Auth;

/// <summary>Checks the bearer token (or, where allowed, the session cookie) of every /api request against the endpoint's <see cref="RequiredRole"/>.</summary>
internal sealed class ApiAuthFilter(IApiTokenVerifier verifier, SessionStore sessions, ApiMetrics metrics) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        HttpContext http = context.HttpContext;
        ApiRole required = http.GetEndpoint()?.Metadata.GetMetadata<RequiredRole>()?.Role ?? ApiRole.Admin;
        string? token = BearerToken(http);
        if (token is null && http.GetEndpoint()?.Metadata.GetMetadata<CookieAuthAllowed>() is not null
            && http.Request.Cookies.TryGetValue(SessionStore.CookieName, out string? sessionId))
        {
            token = sessions.Resolve(sessionId);
        }

        if (token is null)
        {
            metrics.AuthFailures.Inc("missing");
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return ApiProblems.Unauthorized("send 'Authorization: Bearer <token>'; create a token with 'iotactors token new --role viewer|operator|admin'");
        }

        ApiPrincipal? principal = verifier.Verify(token);
        if (principal is null)
        {
            metrics.AuthFailures.Inc("invalid");
            http.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            return ApiProblems.Unauthorized("the token is unknown, revoked or mistyped");
        }

        if (principal.Role < required)
        {
            metrics.AuthFailures.Inc("forbidden");
            return ApiProblems.Forbidden($"this needs the role {required.ToString().ToLowerInvariant()}; the token '{principal.Name}' has {principal.RoleName}");
        }

        principal.AttachTo(http);
        return await next(context).ConfigureAwait(false);
    }

    private static string? BearerToken(HttpContext http)
    {
        string header = http.Request.Headers.Authorization.ToString();
        const string prefix = "Bearer ";
        return header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && header.Length > prefix.Length ? header[prefix.Length..].Trim() : null;
    }
}
