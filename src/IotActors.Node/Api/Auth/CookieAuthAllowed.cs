namespace IotActors.Node.Api.Auth;

/// <summary>Endpoint metadata: the session cookie is accepted in place of a bearer header (only the read-only event stream, which EventSource cannot give headers).</summary>
internal sealed class CookieAuthAllowed
{
    public static CookieAuthAllowed Instance { get; } = new();
}
