using System.Text.Json.Nodes;
using IotActors.Node.Api.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace IotActors.Node.Api.Docs;

/// <summary>Builds the OpenAPI 3.0 document from the live endpoint table, so it cannot drift from the routes.</summary>
internal static class OpenApiDocumentBuilder
{
    public static JsonObject Build(EndpointDataSource source, string version)
    {
        var paths = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (RouteEndpoint endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            string path = PathOf(endpoint.RoutePattern);
            if (!paths.TryGetValue(path, out JsonObject? item)) paths[path] = item = [];
            IReadOnlyList<string> methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (string method in methods)
            {
                item[method.ToLowerInvariant()] = Operation(endpoint);
            }
        }

        var pathsJson = new JsonObject();
        foreach (var (path, item) in paths) pathsJson[path] = item;
        return new JsonObject
        {
            ["openapi"] = "3.0.3",
            ["info"] = new JsonObject
            {
                ["title"] = "IotActors node API",
                ["version"] = version,
                ["description"] = "Bearer tokens with roles viewer < operator < admin (iotactors token new). Errors are application/problem+json.",
            },
            ["paths"] = pathsJson,
            ["components"] = new JsonObject
            {
                ["securitySchemes"] = new JsonObject { ["bearer"] = new JsonObject { ["type"] = "http", ["scheme"] = "bearer" } },
                ["schemas"] = new JsonObject
                {
                    ["Problem"] = new JsonObject
                    {
                        ["type"] = "object",
                        ["properties"] = new JsonObject
                        {
                            ["type"] = new JsonObject { ["type"] = "string" },
                            ["title"] = new JsonObject { ["type"] = "string" },
                            ["status"] = new JsonObject { ["type"] = "integer" },
                            ["detail"] = new JsonObject { ["type"] = "string" },
                        },
                    },
                },
            },
        };
    }

    /// <summary>The OpenAPI form of a route: <c>/api/devices/{id}</c> (constraints and catch-all markers removed).</summary>
    public static string PathOf(RoutePattern pattern) =>
        "/" + string.Join('/', pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart parameter => "{" + parameter.Name + "}",
            RoutePatternSeparatorPart separator => separator.Content,
            _ => "",
        }))));

    private static JsonObject Operation(RouteEndpoint endpoint)
    {
        ApiDoc doc = endpoint.Metadata.GetMetadata<ApiDoc>() ?? new ApiDoc(endpoint.DisplayName ?? PathOf(endpoint.RoutePattern));
        var parameters = new JsonArray();
        foreach (RoutePatternParameterPart parameter in endpoint.RoutePattern.Parameters)
        {
            parameters.Add(new JsonObject { ["name"] = parameter.Name, ["in"] = "path", ["required"] = true, ["schema"] = new JsonObject { ["type"] = "string" } });
        }
        foreach (string query in doc.Query ?? [])
        {
            string[] parts = query.Split(':', 2, StringSplitOptions.TrimEntries);
            parameters.Add(new JsonObject
            {
                ["name"] = parts[0], ["in"] = "query", ["required"] = false, ["description"] = parts.Length > 1 ? parts[1] : "",
                ["schema"] = new JsonObject { ["type"] = "string" },
            });
        }

        var problem = new JsonObject { ["application/problem+json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = "#/components/schemas/Problem" } } };
        var operation = new JsonObject
        {
            ["summary"] = doc.Summary,
            ["operationId"] = (endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.FirstOrDefault() ?? "GET").ToLowerInvariant()
                + PathOf(endpoint.RoutePattern).Replace('/', '_').Replace("{", "").Replace("}", ""),
            ["parameters"] = parameters,
            ["responses"] = new JsonObject
            {
                [doc.Success.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new JsonObject
                {
                    ["description"] = "success",
                    ["content"] = new JsonObject { [doc.Produces] = new JsonObject() },
                },
                ["default"] = new JsonObject { ["description"] = "problem details", ["content"] = problem },
            },
        };
        if (doc.Body is not null)
        {
            operation["requestBody"] = new JsonObject
            {
                ["required"] = true, ["description"] = doc.Body,
                ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "object" } } },
            };
        }
        if (endpoint.Metadata.GetMetadata<RequiredRole>() is { } role)
        {
            operation["security"] = new JsonArray(new JsonObject { ["bearer"] = new JsonArray() });
            operation["x-required-role"] = role.Role.ToString().ToLowerInvariant();
        }
        return operation;
    }
}
