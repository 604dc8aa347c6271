using IotActors.Node.Api.Docs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace IotActors.Node.Api;

/// <summary>Serves the dashboard (plain HTML/CSS/JS from <c>wwwroot</c> next to the executable) at <c>/</c>; the page itself holds no secret, the token stays in the browser.</summary>
internal sealed class DashboardModule(DashboardFiles files) : IApiModule
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", (HttpContext http) => Serve(http, "index.html")).Doc("The dashboard.", produces: "text/html");
        endpoints.MapGet("/ui/{file}", (string file, HttpContext http) => Serve(http, file)).Doc("Dashboard scripts and styles.", produces: "text/plain");
    }

    private IResult Serve(HttpContext http, string name)
    {
        if (name.Contains('/') || name.Contains('\\') || name.StartsWith('.')) return ApiProblems.NotFound($"no dashboard file '{name}'");
        IFileInfo file = files.Provider.GetFileInfo(name);
        if (!file.Exists || file.IsDirectory || file.PhysicalPath is null) return ApiProblems.NotFound($"no dashboard file '{name}'");
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Content-Type-Options"] = "nosniff";
        http.Response.Headers["Content-Security-Policy"] = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'";
        string type = ContentTypes.TryGetContentType(name, out string? t) ? t : "application/octet-stream";
        return Results.File(file.PhysicalPath, type);
    }
}

/// <summary>Where the dashboard's files are: <c>wwwroot</c> next to the executable unless configured otherwise (tests).</summary>
internal sealed class DashboardFiles(string root)
{
    public IFileProvider Provider { get; } = Directory.Exists(root) ? new PhysicalFileProvider(root) : new NullFileProvider();

    public string Root { get; } = root;
}
