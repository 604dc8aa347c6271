using IotActors.Home.Site;
using IotActors.Node.Tools;
using Microsoft.AspNetCore.Http;

namespace IotActors.Node.Api.Auth;

/// <summary>The caller of an API request, as its bearer token identified it.</summary>
/// <param name="Name">The token's label (its id when it has none).</param>
/// <param name="TokenId">The token's public id.</param>
/// <param name="Role">What the token may do.</param>
internal sealed record ApiPrincipal(string Name, string TokenId, ApiRole Role)
{
    private const string ItemKey = "iotactors.principal";

    /// <summary>The role's lower-case name, as used in audit entries and JSON.</summary>
    public string RoleName => Role.ToString().ToLowerInvariant();

    /// <summary>The domain's view of this caller.</summary>
    public Principal ToPrincipal() => new(Name, RoleName);

    public void AttachTo(HttpContext context) => context.Items[ItemKey] = this;

    /// <summary>The principal the auth filter attached; endpoints under /api always have one.</summary>
    public static ApiPrincipal Of(HttpContext context) =>
        context.Items.TryGetValue(ItemKey, out object? value) && value is ApiPrincipal principal
            ? principal
            : throw new InvalidOperationException("No authenticated caller: the endpoint is missing the /api auth filter.");
}
