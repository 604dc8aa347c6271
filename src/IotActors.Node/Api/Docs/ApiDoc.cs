using Microsoft.AspNetCore.Builder;

namespace IotActors.Node.Api.Docs;

/// <summary>Endpoint metadata the OpenAPI document is generated from: a summary, query parameters, the request body and success status.</summary>
/// <param name="Summary">One sentence.</param>
/// <param name="Query">Query parameter names with a short description each ("name: what").</param>
/// <param name="Body">What the JSON request body holds, or null when there is none.</param>
/// <param name="Success">The status code of a successful answer.</param>
/// <param name="Produces">The media type of a successful answer.</param>
internal sealed record ApiDoc(string Summary, IReadOnlyList<string>? Query = null, string? Body = null, int Success = 200, string Produces = "application/json");

/// <summary>Attaches <see cref="ApiDoc"/> metadata.</summary>
internal static class ApiDocExtensions
{
    public static TBuilder Doc<TBuilder>(this TBuilder builder, string summary, string? body = null, int success = 200, string produces = "application/json", params string[] query)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ApiDoc(summary, query, body, success, produces));
}
