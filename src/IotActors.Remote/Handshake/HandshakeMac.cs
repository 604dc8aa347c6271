using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using IotActors.Remote.Security;

namespace IotActors.Remote.Handshake;

/// <summary>The HMAC-SHA256 each side sends to prove it knows the cluster secret.</summary>
/// <remarks>
/// The MAC covers the protocol version, the cluster name, both identities and nonces, the sender's roles and,
/// for the full MAC, both certificate fingerprints as the computing side sees them. The secret-only MAC omits
/// the fingerprints so a failure can be reported as "wrong secret" versus "intercepted TLS".
/// </remarks>
internal static class HandshakeMac
{
    public static byte[] Compute(
        ClusterSecret secret, bool includeFingerprints, string clusterName,
        HelloMessage sender, HelloMessage receiver, ReadOnlySpan<byte> senderFingerprint, ReadOnlySpan<byte> receiverFingerprint)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, secret.Key);
        AppendString(hmac, includeFingerprints ? "iotactors-link-auth-full" : "iotactors-link-auth-secret");
        hmac.AppendData([HandshakeCodec.ProtocolVersion]);
        AppendString(hmac, clusterName);
        AppendIdentity(hmac, sender.Identity, withRoles: true);
        AppendIdentity(hmac, receiver.Identity, withRoles: false);
        AppendBytes(hmac, sender.Nonce);
        AppendBytes(hmac, receiver.Nonce);
        if (includeFingerprints)
        {
            AppendBytes(hmac, senderFingerprint);
            AppendBytes(hmac, receiverFingerprint);
        }
        return hmac.GetHashAndReset();
    }

    private static void AppendIdentity(IncrementalHash hmac, NodeIdentity identity, bool withRoles)
    {
        AppendString(hmac, identity.System);
        AppendString(hmac, identity.Host);
        Span<byte> number = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(number, identity.Port);
        hmac.AppendData(number);
        BinaryPrimitives.WriteInt64BigEndian(number, identity.IncarnationId);
        hmac.AppendData(number);
        if (!withRoles) return;
        BinaryPrimitives.WriteInt64BigEndian(number, identity.Roles.Count);
        hmac.AppendData(number);
        foreach (var role in identity.Roles) AppendString(hmac, role);
    }

    private static void AppendString(IncrementalHash hmac, string value) => AppendBytes(hmac, Encoding.UTF8.GetBytes(value));

    private static void AppendBytes(IncrementalHash hmac, ReadOnlySpan<byte> value)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, value.Length);
        hmac.AppendData(length);
        hmac.AppendData(value);
    }
}
