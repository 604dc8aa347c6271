using Microsoft.AspNetCore.Routing;

namespace IotActors.Node.Api;

/// <summary>A group of HTTP endpoints; each feature (cluster, devices, gateways, ...) maps its own.</summary>
internal interface IApiModule
{
    /// <summary>Adds this module's endpoints.</summary>
    void Map(IEndpointRouteBuilder endpoints);
}
