using IotActors.Remote.Security;
using Microsoft.Extensions.Logging;

namespace IotActors.Node.Gateways;

/// <summary>Loads the cluster secret for the gateways (file first, then environment variable) and derives the signing key.</summary>
internal static class GatewaySigningKey
{
    /// <summary>The derived key, or null (with a warning) when no secret is configured; a present but malformed secret throws.</summary>
    public static byte[]? Load(GatewayOptions options, ILogger logger)
    {
        ClusterSecret? secret = null;
        if (options.SecretFile.Length > 0) secret = ClusterSecret.FromFile(options.SecretFile, logger);
        else if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(options.SecretEnvironmentVariable)))
        {
            secret = ClusterSecret.FromEnvironment(options.SecretEnvironmentVariable);
        }
        if (secret is null)
        {
            GatewayLog.NoSecret(logger, $"iotactors.gateway.secret-file is empty and ${options.SecretEnvironmentVariable} is not set");
            return null;
        }
        return Derive(secret);
    }

    /// <summary>The gateway signing key of a cluster secret.</summary>
    public static byte[] Derive(ClusterSecret secret) => secret.DeriveKey(SignedEnvelope.KeyPurpose, 32);
}
