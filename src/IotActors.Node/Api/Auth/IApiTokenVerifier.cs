namespace IotActors.Node.Api.Auth;

/// <summary>Turns a bearer token into a principal.</summary>
internal interface IApiTokenVerifier
{
    /// <summary>The caller the token belongs to, or null when the token is unknown or wrong.</summary>
    ApiPrincipal? Verify(string token);
}
