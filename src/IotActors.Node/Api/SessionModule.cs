using IotActors.Node.Api.Auth;
using IotActors.Node.Api.Docs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IotActors.Node.Api;

/// <summary>
/// <c>/api/session</c>: who the token is, and a session cookie for the event stream. EventSource cannot send headers, so the dashboard
/// posts its bearer token here once and gets an HttpOnly, SameSite=Strict cookie that only <c>GET /api/events</c> accepts.
/// </summary>
internal sealed class SessionModule : IApiModule
{
    public void Map(IEndpointRouteBuilder endpoints)
    {
        RouteGroupBuilder api = endpoints.MapApi();
        api.MapGet("/session", (HttpContext http) => Results.Ok(Describe(ApiPrincipal.Of(http))))
            .Doc("The caller's token name and role.");

        api.MapPost("/session", (HttpContext http, SessionStore sessions) =>
        {
            string token = http.Request.Headers.Authorization.ToString()["Bearer ".Length..].Trim();
            string id = sessions.Open(token);
            http.Response.Cookies.Append(SessionStore.CookieName, id, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = http.Request.IsHttps,
                Path = "/api",
                MaxAge = sessions.Lifetime,
            });
            return Results.Ok(Describe(ApiPrincipal.Of(http)));
        }).Doc("Opens a session: sets the cookie that authenticates GET /api/events (EventSource cannot send headers).");

        api.MapDelete("/session", (HttpContext http, SessionStore sessions) =>
        {
            if (http.Request.Cookies.TryGetValue(SessionStore.CookieName, out string? id)) sessions.Close(id);
            http.Response.Cookies.Delete(SessionStore.CookieName, new CookieOptions { Path = "/api" });
            return Results.NoContent();
        }).Doc("Ends the session.", success: 204, produces: "none");
    }

    private static object Describe(ApiPrincipal principal) => new { name = principal.Name, role = principal.RoleName };
}
