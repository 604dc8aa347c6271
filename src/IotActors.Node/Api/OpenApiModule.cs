using System.Reflection;
using IotActors.Node.Api.Docs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IotActors.Node.Api;

/// <summary><c>GET /openapi</c>: the OpenAPI 3 document, generated from the live endpoint table.</summary>
internal sealed class OpenApiModule : IApiModule
{
    public void Map(IEndpointRouteBuilder endpoints)
    {
        string version = typeof(OpenApiModule).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0";
        endpoints.MapGet("/openapi", (EndpointDataSource source) =>
            Results.Text(OpenApiDocumentBuilder.Build(source, version).ToJsonString(), "application/json"))
            .Doc("This document.");
    }
}
