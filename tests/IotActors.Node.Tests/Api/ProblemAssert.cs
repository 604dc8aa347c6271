using System.Text.Json;

namespace IotActors.Node.Tests.Api;

internal static class ProblemAssert
{
    /// <summary>Asserts an application/problem+json body with type, title and the given status, and returns it.</summary>
    public static async Task<JsonElement> IsProblem(HttpResponseMessage response, int status)
    {
        ((int)response.StatusCode).Should().Be(status);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
        JsonElement body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        body.GetProperty("status").GetInt32().Should().Be(status);
        body.GetProperty("title").GetString().Should().NotBeNullOrEmpty();
        body.TryGetProperty("type", out _).Should().BeTrue();
        return body;
    }
}
