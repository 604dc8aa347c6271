using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using IotActors.Cluster.Discovery;
using IotActors.Cluster.Membership;
using IotActors.Fuzz.Engine;

namespace IotActors.Fuzz.Targets;

/// <summary>The discovery beacon decoder <see cref="BeaconCodec.Open"/>: raw datagrams, or (sealed) plaintexts encrypted under the right key so the plaintext decoder is reached.</summary>
internal sealed class BeaconTarget(bool sealPlaintext) : IFuzzTarget
{
    internal const string Cluster = "site";
    private static readonly byte[] Secret = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private static readonly Keyring Keys = new(BeaconKey.FromSecret(Secret));
    private static readonly byte[] AesKey = DeriveAesKey();
    private readonly ReplayFilter _replay = new(maxSenders: 1024);
    private readonly AesGcm _aes = new(AesKey, 16);
    private uint _nonce;

    public string Name => sealPlaintext ? "beacon-plaintext" : "beacon";

    public bool IsText => false;

    public IEnumerable<byte[]> Seeds()
    {
        DiscoveryBeacon[] beacons =
        [
            new(Cluster, new UniqueAddress("iot", "127.0.0.1", 4053, 42), ["sensor", "controller"], null, 1, DateTimeOffset.UnixEpoch.AddYears(56)),
            new(Cluster, new UniqueAddress("système", "::1", 0, -1), [], Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"), ulong.MaxValue, DateTimeOffset.MaxValue),
            new("other", new UniqueAddress("s", "h", 65535, long.MinValue), ["a", "b", "c"], null, 0, DateTimeOffset.MinValue),
        ];
        foreach (var beacon in beacons)
        {
            byte[] datagram = BeaconCodec.Seal(beacon, Keys);
            yield return sealPlaintext ? Decrypt(datagram) : datagram;
        }
    }

    public FuzzOutcome Run(byte[] input)
    {
        byte[] datagram = sealPlaintext ? Seal(input) : input;
        var result = BeaconCodec.Open(datagram, Keys, Cluster, _replay);
        if (result.IsAccepted == (result.Rejected is not null)) throw new InvalidOperationException("a beacon result must be either accepted or rejected with a reason");
        return result.IsAccepted ? FuzzOutcome.Accepted : FuzzOutcome.Rejected;
    }

    /// <summary>Encrypts a plaintext the way <see cref="BeaconCodec.Seal"/> does (header as associated data).</summary>
    private byte[] Seal(byte[] plaintext)
    {
        var datagram = new byte[BeaconCodec.HeaderSize + plaintext.Length + 16];
        datagram[0] = (byte)'I';
        datagram[1] = (byte)'A';
        datagram[2] = 1;
        BinaryPrimitives.WriteUInt32BigEndian(datagram.AsSpan(3, 4), Keys.Primary.KeyId);
        BinaryPrimitives.WriteUInt32BigEndian(datagram.AsSpan(7, 4), ++_nonce);
        _aes.Encrypt(datagram.AsSpan(7, 12), plaintext, datagram.AsSpan(BeaconCodec.HeaderSize, plaintext.Length),
            datagram.AsSpan(BeaconCodec.HeaderSize + plaintext.Length, 16), datagram.AsSpan(0, BeaconCodec.HeaderSize));
        return datagram;
    }

    private static byte[] Decrypt(byte[] datagram)
    {
        int length = datagram.Length - BeaconCodec.HeaderSize - 16;
        var plaintext = new byte[length];
        using var aes = new AesGcm(AesKey, 16);
        aes.Decrypt(datagram.AsSpan(7, 12), datagram.AsSpan(BeaconCodec.HeaderSize, length), datagram.AsSpan(BeaconCodec.HeaderSize + length, 16),
            plaintext, datagram.AsSpan(0, BeaconCodec.HeaderSize));
        return plaintext;
    }

    private static byte[] DeriveAesKey()
    {
        var key = new byte[32];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, Secret, key, [], Encoding.ASCII.GetBytes(BeaconKey.KeyInfo));
        return key;
    }
}
