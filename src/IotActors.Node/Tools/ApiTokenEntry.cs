namespace IotActors.Node.Tools;

/// <summary>One stored API token: never the token itself, only a salted hash.</summary>
/// <param name="Id">Public id, also the token's middle part (<c>iot_&lt;id&gt;_&lt;secret&gt;</c>).</param>
/// <param name="Name">A label for humans.</param>
/// <param name="Role">What the token may do.</param>
/// <param name="Salt">Random salt, base64.</param>
/// <param name="Hash">HMAC-SHA256(salt, token), base64.</param>
/// <param name="Created">When the token was created.</param>
public sealed record ApiTokenEntry(string Id, string Name, ApiRole Role, string Salt, string Hash, DateTimeOffset Created);
