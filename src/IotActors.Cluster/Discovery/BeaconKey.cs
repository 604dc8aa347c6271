using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace IotActors.Cluster.Discovery;

/// <summary>An AES-256-GCM beacon key derived with HKDF-SHA256 from a 32-byte cluster secret, with its 32-bit key id.</summary>
public sealed class BeaconKey
{
    /// <summary>The HKDF info string of the beacon key.</summary>
    public const string KeyInfo = "iotactors-discovery-v1";

    /// <summary>The HKDF info string of the key id.</summary>
    public const string KeyIdInfo = "iotactors-discovery-v1/key-id";

    /// <summary>Required length of the cluster secret, in bytes.</summary>
    public const int SecretLength = 32;

    private readonly byte[] _key;

    private BeaconKey(uint keyId, byte[] key)
    {
        KeyId = keyId;
        _key = key;
    }

    /// <summary>The id written in the beacon header so the receiver can pick the key.</summary>
    public uint KeyId { get; }

    internal ReadOnlySpan<byte> Key => _key;

    /// <summary>Derives the key and its id from a 32-byte cluster secret.</summary>
    /// <exception cref="ArgumentException">The secret is not 32 bytes.</exception>
    public static BeaconKey FromSecret(ReadOnlySpan<byte> secret)
    {
        if (secret.Length != SecretLength)
        {
            throw new ArgumentException(
                $"The cluster secret must be exactly {SecretLength} bytes (got {secret.Length}); create one with 'iotactors secret new'.",
                nameof(secret));
        }

        var key = new byte[32];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, key, [], Encoding.ASCII.GetBytes(KeyInfo));
        Span<byte> id = stackalloc byte[4];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, id, [], Encoding.ASCII.GetBytes(KeyIdInfo));
        return new BeaconKey(BinaryPrimitives.ReadUInt32BigEndian(id), key);
    }

    /// <inheritdoc />
    public override string ToString() => $"BeaconKey(id {KeyId:x8})";
}
