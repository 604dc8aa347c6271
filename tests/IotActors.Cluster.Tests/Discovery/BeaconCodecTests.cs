using System.Collections.Immutable;
using IotActors.Cluster.Discovery;
using IotActors.Cluster.Membership;

namespace IotActors.Cluster.Tests.Discovery;

public sealed class BeaconCodecTests
{
    internal static readonly byte[] SecretA = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    internal static readonly byte[] SecretB = Enumerable.Range(101, 32).Select(i => (byte)i).ToArray();
    private static readonly Keyring RingA = new(BeaconKey.FromSecret(SecretA));
    private static readonly Keyring RingB = new(BeaconKey.FromSecret(SecretB));

    internal static DiscoveryBeacon Beacon(ulong counter = 1, Guid? cluster = null, string name = "home") => new(
        name,
        new UniqueAddress("site", "127.0.0.1", 4053, 77),
        ["controller", "sensor"],
        cluster,
        counter,
        new DateTimeOffset(2026, 11, 21, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Seal_then_open_round_trips_every_field()
    {
        var member = Beacon(5, Guid.NewGuid());
        BeaconCodec.Open(BeaconCodec.Seal(member, RingA), RingA, "home", new ReplayFilter()).Beacon.Should().Be(member);
        var nonMember = Beacon(6) with { Roles = ImmutableArray<string>.Empty };
        BeaconCodec.Open(BeaconCodec.Seal(nonMember, RingA), RingA, "home", null).Beacon.Should().Be(nonMember);
    }

    [Fact]
    public void Same_beacon_sealed_twice_differs_because_of_the_random_nonce()
    {
        BeaconCodec.Seal(Beacon(), RingA).Should().NotEqual(BeaconCodec.Seal(Beacon(), RingA));
    }

    [Fact]
    public void Wrong_key_with_same_key_id_fails_authentication()
    {
        var datagram = BeaconCodec.Seal(Beacon(), RingA);
        BeaconCodec.Open(datagram, RingB, "home", null).Rejected.Should().Be(BeaconRejectReason.UnknownKeyId);

        // Forge the key id of B so the receiver tries its (wrong) key.
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(datagram.AsSpan(3, 4), RingB.Primary.KeyId);
        BeaconCodec.Open(datagram, RingB, "home", null).Rejected.Should().Be(BeaconRejectReason.AuthenticationFailed);
    }

    [Fact]
    public void Any_tampered_byte_is_rejected()
    {
        var datagram = BeaconCodec.Seal(Beacon(), RingA);
        for (var i = 0; i < datagram.Length; i++)
        {
            var copy = (byte[])datagram.Clone();
            copy[i] ^= 0x01;
            var result = BeaconCodec.Open(copy, RingA, "home", null);
            result.IsAccepted.Should().BeFalse($"byte {i} was flipped");
            result.Rejected.Should().BeOneOf(BeaconRejectReason.BadHeader, BeaconRejectReason.UnknownKeyId, BeaconRejectReason.AuthenticationFailed);
        }
    }

    [Fact]
    public void Beacon_of_another_cluster_is_rejected_as_wrong_cluster()
    {
        var datagram = BeaconCodec.Seal(Beacon(name: "neighbour"), RingA);
        BeaconCodec.Open(datagram, RingA, "home", new ReplayFilter()).Rejected.Should().Be(BeaconRejectReason.WrongCluster);
    }

    [Fact]
    public void Replayed_datagram_is_rejected_but_next_counter_is_accepted()
    {
        var filter = new ReplayFilter();
        var first = BeaconCodec.Seal(Beacon(10), RingA);
        BeaconCodec.Open(first, RingA, "home", filter).IsAccepted.Should().BeTrue();
        BeaconCodec.Open(first, RingA, "home", filter).Rejected.Should().Be(BeaconRejectReason.Replay);
        BeaconCodec.Open(BeaconCodec.Seal(Beacon(10), RingA), RingA, "home", filter).Rejected
            .Should().Be(BeaconRejectReason.Replay, "a fresh nonce does not make an old counter new");
        BeaconCodec.Open(BeaconCodec.Seal(Beacon(11), RingA), RingA, "home", filter).IsAccepted.Should().BeTrue();
    }

    [Fact]
    public void Sender_clock_skew_does_not_matter()
    {
        var filter = new ReplayFilter();
        var skewed = Beacon(1) with { Timestamp = DateTimeOffset.UnixEpoch };
        var future = Beacon(2) with { Timestamp = new DateTimeOffset(2099, 1, 1, 0, 0, 0, TimeSpan.Zero) };
        BeaconCodec.Open(BeaconCodec.Seal(skewed, RingA), RingA, "home", filter).IsAccepted.Should().BeTrue();
        BeaconCodec.Open(BeaconCodec.Seal(future, RingA), RingA, "home", filter).IsAccepted.Should().BeTrue();
    }

    [Fact]
    public void Key_rotation_accepts_old_key_until_retired()
    {
        var oldKey = BeaconKey.FromSecret(SecretA);
        var newKey = BeaconKey.FromSecret(SecretB);
        var oldSender = new Keyring(oldKey);
        var receiver = new Keyring(oldKey).Rotate(newKey);
        receiver.Primary.KeyId.Should().Be(newKey.KeyId);

        BeaconCodec.Open(BeaconCodec.Seal(Beacon(1), oldSender), receiver, "home", null).IsAccepted.Should().BeTrue();
        BeaconCodec.Open(BeaconCodec.Seal(Beacon(2), receiver), receiver, "home", null).IsAccepted.Should().BeTrue();

        var retired = receiver.Retire(oldKey.KeyId);
        BeaconCodec.Open(BeaconCodec.Seal(Beacon(3), oldSender), retired, "home", null).Rejected.Should().Be(BeaconRejectReason.UnknownKeyId);
        var retirePrimary = () => retired.Retire(newKey.KeyId);
        retirePrimary.Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void Short_oversized_and_bad_header_datagrams_get_precise_reasons()
    {
        BeaconCodec.Open([], RingA, "home", null).Rejected.Should().Be(BeaconRejectReason.TooShort);
        BeaconCodec.Open(new byte[BeaconCodec.HeaderSize + 16], RingA, "home", null).Rejected.Should().Be(BeaconRejectReason.TooShort);
        BeaconCodec.Open(new byte[BeaconCodec.MaxDatagramSize + 1], RingA, "home", null).Rejected.Should().Be(BeaconRejectReason.Oversized);
        BeaconCodec.Open(new byte[100], RingA, "home", null).Rejected.Should().Be(BeaconRejectReason.BadHeader);
    }

    [Fact]
    public void Authentic_but_malformed_plaintext_is_reported_as_malformed()
    {
        var key = RingA.Primary;
        var datagram = SealRaw(key, [3, (byte)'a', (byte)'b']);
        BeaconCodec.Open(datagram, RingA, "home", null).Rejected.Should().Be(BeaconRejectReason.Malformed);
    }

    [Fact]
    public void Random_garbage_never_throws()
    {
        var random = new Random(1234);
        for (var i = 0; i < 2000; i++)
        {
            var bytes = new byte[random.Next(0, 1300)];
            random.NextBytes(bytes);
            if (i % 2 == 0 && bytes.Length > 7)
            {
                bytes[0] = (byte)'I';
                bytes[1] = (byte)'A';
                bytes[2] = 1;
                System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(3, 4), RingA.Primary.KeyId);
            }

            BeaconCodec.Open(bytes, RingA, "home", null).IsAccepted.Should().BeFalse();
        }
    }

    [Fact]
    public void Secret_of_wrong_length_is_refused_with_a_hint()
    {
        var act = () => BeaconKey.FromSecret(new byte[16]);
        act.Should().Throw<ArgumentException>().WithMessage("*32 bytes*");
    }

    private static byte[] SealRaw(BeaconKey key, byte[] plaintext)
    {
        var datagram = new byte[BeaconCodec.HeaderSize + plaintext.Length + 16];
        datagram[0] = (byte)'I';
        datagram[1] = (byte)'A';
        datagram[2] = 1;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(datagram.AsSpan(3, 4), key.KeyId);
        using var aes = new System.Security.Cryptography.AesGcm(key.Key, 16);
        aes.Encrypt(datagram.AsSpan(7, 12), plaintext, datagram.AsSpan(BeaconCodec.HeaderSize, plaintext.Length),
            datagram.AsSpan(BeaconCodec.HeaderSize + plaintext.Length), datagram.AsSpan(0, BeaconCodec.HeaderSize));
        return datagram;
    }
}
