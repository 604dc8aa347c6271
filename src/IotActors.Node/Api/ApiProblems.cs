using Microsoft.AspNetCore.Http;

namespace IotActors.Node.Api;

/// <summary>problem+json answers used by every module, so errors look the same everywhere.</summary>
internal static class ApiProblems
{
    public static IResult BadRequest(string detail) => Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "bad request", detail: detail);

    public static IResult NotFound(string detail) => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "not found", detail: detail);

    public static IResult Conflict(string detail) => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "conflict", detail: detail);

    public static IResult Unprocessable(string title, string detail) => Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: title, detail: detail);

    public static IResult Unauthorized(string detail) => Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "unauthorized", detail: detail);

    public static IResult Forbidden(string detail) => Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "forbidden", detail: detail);

    public static IResult TooManyRequests(string detail) => Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "too many requests", detail: detail,
        type: "https://www.rfc-editor.org/rfc/rfc6585#section-4");
}
