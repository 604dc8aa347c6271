using IotActors.Home.Audit;
using IotActors.Node.Api.Auth;
using IotActors.Node.Api.Docs;
using IotActors.Node.Tools;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IotActors.Node.Api;

/// <summary><c>GET /api/audit</c> (admin): the audit trail, newest first, with keyset paging.</summary>
internal sealed class AuditModule : IApiModule
{
    public void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapApi().MapGet("/audit", async (IAuditLog audit, int? limit, long? before, string? target, string? who, CancellationToken ct) =>
        {
            if (limit is < 1 or > 1000) return ApiProblems.BadRequest("limit must be from 1 to 1000");
            AuditPage page = await audit.QueryAsync(new AuditQuery(limit ?? 50, before, target, who), ct);
            return Results.Ok(new
            {
                items = page.Items.Select(r => new { id = r.Id, at = r.Entry.At, who = r.Entry.Who, role = r.Entry.Role, what = r.Entry.What, target = r.Entry.Target, outcome = r.Entry.Outcome, detail = r.Entry.Detail }),
                nextBefore = page.NextBefore,
            });
        })
        .RequireRole(ApiRole.Admin)
        .Doc("The audit trail, newest first; pass nextBefore as before for the next page.", query: ["limit: 1-1000, default 50", "before: id cursor", "target: only this target", "who: only this actor"]);
    }
}
