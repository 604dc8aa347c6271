using IotActors.Home.Rules;
using IotActors.Home.Site;
using IotActors.Node.Api.Auth;
using IotActors.Node.Api.Docs;
using IotActors.Node.Api.Dto;
using IotActors.Node.Tools;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IotActors.Node.Api;

/// <summary>Rules: read (viewer), add, replace and remove (admin, audited).</summary>
internal sealed class RulesModule : IApiModule
{
    private const string RuleBody = "{\"id\",\"actuator\",\"sensors\":[...],\"metric\",\"aggregate\":\"avg|max|min\",\"onAbove\",\"offBelow\",\"onConsecutive\",\"offConsecutive\",\"minDwellSeconds\",\"staleAfterSeconds\"}";

    public void Map(IEndpointRouteBuilder endpoints)
    {
        RouteGroupBuilder api = endpoints.MapApi();
        api.MapGet("/rules", async (ISiteQueries site, CancellationToken ct) =>
        {
            RuleSet rules = await site.GetRulesAsync(ct);
            return Results.Ok(new { version = rules.Version, rules = rules.Rules.Select(RuleDto.From) });
        }).Doc("Every rule and the rule set's version.");

        api.MapGet("/rules/{id}", async (string id, ISiteQueries site, CancellationToken ct) =>
            (await site.GetRulesAsync(ct)).Find(id) is { } rule ? Results.Ok(RuleDto.From(rule)) : ApiProblems.NotFound($"no rule has the id '{id}'"))
            .Doc("One rule.");

        api.MapPost("/rules", async (HttpContext http, ISiteCommands commands, ApiAudit audit) =>
        {
            (RuleDefinition? rule, IResult? problem) = await ReadRule(http, null);
            if (problem is not null) return problem;
            RuleChangeOutcome outcome = await commands.AddRuleAsync(rule!, ApiPrincipal.Of(http).ToPrincipal(), http.RequestAborted);
            return await Answer(http, audit, "rule-add", rule!.Id, outcome, Results.Created($"/api/rules/{rule.Id}", new { version = outcome.Version, rule = RuleDto.From(rule) }));
        }).RequireRole(ApiRole.Admin).Doc("Adds a rule. Audited.", body: RuleBody, success: 201);

        api.MapPut("/rules/{id}", async (string id, HttpContext http, ISiteCommands commands, ApiAudit audit) =>
        {
            (RuleDefinition? rule, IResult? problem) = await ReadRule(http, id);
            if (problem is not null) return problem;
            RuleChangeOutcome outcome = await commands.ReplaceRuleAsync(rule!, ApiPrincipal.Of(http).ToPrincipal(), http.RequestAborted);
            return await Answer(http, audit, "rule-replace", id, outcome, Results.Ok(new { version = outcome.Version, rule = RuleDto.From(rule!) }));
        }).RequireRole(ApiRole.Admin).Doc("Replaces a rule (the body's id, if given, must match). Audited.", body: RuleBody);

        api.MapDelete("/rules/{id}", async (string id, HttpContext http, ISiteCommands commands, ApiAudit audit) =>
        {
            RuleChangeOutcome outcome = await commands.RemoveRuleAsync(id, ApiPrincipal.Of(http).ToPrincipal(), http.RequestAborted);
            return await Answer(http, audit, "rule-remove", id, outcome, Results.NoContent());
        }).RequireRole(ApiRole.Admin).Doc("Removes a rule. Audited.", success: 204, produces: "none");
    }

    private static async Task<(RuleDefinition? Rule, IResult? Problem)> ReadRule(HttpContext http, string? routeId)
    {
        (RuleDto? dto, IResult? problem) = await ApiJson.ReadAsync<RuleDto>(http.Request);
        if (problem is not null) return (null, problem);
        if (routeId is not null)
        {
            if (dto!.Id is not null && dto.Id != routeId) return (null, ApiProblems.BadRequest($"the body's id '{dto.Id}' differs from the path's '{routeId}'"));
            dto = dto with { Id = routeId };
        }

        (RuleDefinition? rule, IReadOnlyList<string> errors) = dto!.ToDefinition();
        return errors.Count > 0 ? (null, ApiProblems.Unprocessable("invalid rule", string.Join("; ", errors))) : (rule, null);
    }

    private static async Task<IResult> Answer(HttpContext http, ApiAudit audit, string what, string target, RuleChangeOutcome outcome, IResult applied)
    {
        string status = outcome.Status.ToString().ToLowerInvariant();
        await audit.WriteAsync(ApiPrincipal.Of(http), what, target, status, outcome.Detail);
        return outcome.Status switch
        {
            RuleChangeStatus.Applied => applied,
            RuleChangeStatus.NotFound => ApiProblems.NotFound(outcome.Detail),
            RuleChangeStatus.Conflict => ApiProblems.Conflict(outcome.Detail),
            _ => ApiProblems.Unprocessable("invalid rule", outcome.Detail),
        };
    }
}
