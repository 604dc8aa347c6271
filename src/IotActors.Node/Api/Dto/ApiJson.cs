using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IotActors.Node.Api.Dto;

/// <summary>Reads JSON request bodies with a clear problem answer instead of an exception for bad input.</summary>
internal static class ApiJson
{
    public const int MaxBodyBytes = 1 << 20;

    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request) where T : class
    {
        if (request.ContentLength is > MaxBodyBytes) return (null, ApiProblems.BadRequest($"the body is larger than {MaxBodyBytes} bytes"));
        if (!request.HasJsonContentType()) return (null, ApiProblems.BadRequest("send the body as JSON with 'Content-Type: application/json'"));
        JsonSerializerOptions options = request.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        try
        {
            T? value = await JsonSerializer.DeserializeAsync<T>(request.Body, options, request.HttpContext.RequestAborted).ConfigureAwait(false);
            return value is null ? (null, ApiProblems.BadRequest("the body is empty or null; send a JSON object")) : (value, null);
        }
        catch (JsonException ex)
        {
            return (null, ApiProblems.BadRequest($"the body is not valid JSON for this endpoint: {ex.Message}"));
        }
    }

    public static async Task<(JsonElement Value, IResult? Problem)> ReadElementAsync(HttpRequest request)
    {
        if (request.ContentLength is > MaxBodyBytes) return (default, ApiProblems.BadRequest($"the body is larger than {MaxBodyBytes} bytes"));
        try
        {
            using JsonDocument document = await JsonDocument.ParseAsync(request.Body, default, request.HttpContext.RequestAborted).ConfigureAwait(false);
            return (document.RootElement.Clone(), null);
        }
        catch (JsonException ex)
        {
            return (default, ApiProblems.BadRequest($"the body is not valid JSON: {ex.Message}"));
        }
    }
}
