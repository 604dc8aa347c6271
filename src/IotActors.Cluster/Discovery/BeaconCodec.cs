using System.Buffers.Binary;
using System.Security.Cryptography;

namespace IotActors.Cluster.Discovery;

/// <summary>Seals and opens discovery beacons: AES-256-GCM with a random 12-byte nonce; the header is authenticated data.</summary>
/// <remarks>
/// Wire format: magic "IA" (2), format version 1 (1), key id (4, big-endian), nonce (12), ciphertext, tag (16).
/// Open never throws on bad input; it returns the precise <see cref="BeaconRejectReason"/>.
/// </remarks>
public static class BeaconCodec
{
    /// <summary>Largest datagram accepted or produced, in bytes.</summary>
    public const int MaxDatagramSize = 1200;

    /// <summary>Header length: magic, version, key id and nonce.</summary>
    public const int HeaderSize = 2 + 1 + 4 + NonceSize;

    private const byte FormatVersion = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int MinimumPlaintext = 1;

    /// <summary>Encrypts <paramref name="beacon"/> under the keyring's primary key.</summary>
    /// <exception cref="ArgumentException">The beacon does not fit in <see cref="MaxDatagramSize"/> or has an over-long field.</exception>
    public static byte[] Seal(DiscoveryBeacon beacon, Keyring keyring)
    {
        ArgumentNullException.ThrowIfNull(beacon);
        ArgumentNullException.ThrowIfNull(keyring);
        var plaintext = BeaconPlaintext.Encode(beacon);
        var total = HeaderSize + plaintext.Length + TagSize;
        if (total > MaxDatagramSize)
        {
            throw new ArgumentException($"The beacon needs {total} bytes, more than {MaxDatagramSize}; use fewer or shorter roles.", nameof(beacon));
        }

        var datagram = new byte[total];
        datagram[0] = (byte)'I';
        datagram[1] = (byte)'A';
        datagram[2] = FormatVersion;
        BinaryPrimitives.WriteUInt32BigEndian(datagram.AsSpan(3, 4), keyring.Primary.KeyId);
        RandomNumberGenerator.Fill(datagram.AsSpan(7, NonceSize));
        using var aes = new AesGcm(keyring.Primary.Key, TagSize);
        aes.Encrypt(
            datagram.AsSpan(7, NonceSize),
            plaintext,
            datagram.AsSpan(HeaderSize, plaintext.Length),
            datagram.AsSpan(HeaderSize + plaintext.Length, TagSize),
            datagram.AsSpan(0, HeaderSize));
        return datagram;
    }

    /// <summary>Authenticates, decrypts and checks a datagram: cluster name, then replay (only for authentic beacons).</summary>
    public static BeaconOpenResult Open(ReadOnlySpan<byte> datagram, Keyring keyring, string clusterName, ReplayFilter? replayFilter)
    {
        ArgumentNullException.ThrowIfNull(keyring);
        if (datagram.Length < HeaderSize + MinimumPlaintext + TagSize)
        {
            return BeaconOpenResult.Reject(BeaconRejectReason.TooShort);
        }

        if (datagram.Length > MaxDatagramSize)
        {
            return BeaconOpenResult.Reject(BeaconRejectReason.Oversized);
        }

        if (datagram[0] != (byte)'I' || datagram[1] != (byte)'A' || datagram[2] != FormatVersion)
        {
            return BeaconOpenResult.Reject(BeaconRejectReason.BadHeader);
        }

        if (!keyring.TryGet(BinaryPrimitives.ReadUInt32BigEndian(datagram.Slice(3, 4)), out var key))
        {
            return BeaconOpenResult.Reject(BeaconRejectReason.UnknownKeyId);
        }

        var cipherLength = datagram.Length - HeaderSize - TagSize;
        var plaintext = new byte[cipherLength];
        try
        {
            using var aes = new AesGcm(key.Key, TagSize);
            aes.Decrypt(
                datagram.Slice(7, NonceSize),
                datagram.Slice(HeaderSize, cipherLength),
                datagram.Slice(HeaderSize + cipherLength, TagSize),
                plaintext,
                datagram[..HeaderSize]);
        }
        catch (AuthenticationTagMismatchException)
        {
            return BeaconOpenResult.Reject(BeaconRejectReason.AuthenticationFailed);
        }

        var beacon = BeaconPlaintext.TryDecode(plaintext);
        if (beacon is null)
        {
            return BeaconOpenResult.Reject(BeaconRejectReason.Malformed);
        }

        if (!string.Equals(beacon.ClusterName, clusterName, StringComparison.Ordinal))
        {
            return BeaconOpenResult.Reject(BeaconRejectReason.WrongCluster);
        }

        if (replayFilter is not null && !replayFilter.TryAccept(beacon.Node, beacon.Counter))
        {
            return BeaconOpenResult.Reject(BeaconRejectReason.Replay);
        }

        return BeaconOpenResult.Accept(beacon);
    }
}
