using IotActors.Actors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace IotActors.Node.Api;

/// <summary><c>/healthz</c> (the process answers) and <c>/readyz</c> (the actor system runs).</summary>
internal sealed class HealthModule : IApiModule
{
    public void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", () => Results.Text("ok\n"));
        endpoints.MapGet("/readyz", (IServiceProvider services) =>
        {
            ActorSystem? system;
            try
            {
                system = services.GetService<ActorSystem>();
            }
            catch (InvalidOperationException)
            {
                system = null; // not started yet
            }
            return system is not null && !system.WhenTerminated.IsCompleted
                ? Results.Text("ready\n")
                : Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "actor system not running");
        });
    }
}
