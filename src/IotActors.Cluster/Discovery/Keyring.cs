using System.Collections.Immutable;

namespace IotActors.Cluster.Discovery;

/// <summary>Immutable set of beacon keys: one primary key that seals, plus older keys still accepted while a rotation is under way.</summary>
public sealed class Keyring
{
    private readonly ImmutableDictionary<uint, BeaconKey> _accepted;

    /// <summary>Creates a keyring sealing with <paramref name="primary"/> and also opening with <paramref name="olderKeys"/>.</summary>
    public Keyring(BeaconKey primary, IEnumerable<BeaconKey>? olderKeys = null)
    {
        Primary = primary ?? throw new ArgumentNullException(nameof(primary));
        var b = ImmutableDictionary.CreateBuilder<uint, BeaconKey>();
        foreach (var k in olderKeys ?? [])
        {
            b[k.KeyId] = k;
        }

        b[primary.KeyId] = primary;
        _accepted = b.ToImmutable();
    }

    /// <summary>The key that seals outgoing beacons.</summary>
    public BeaconKey Primary { get; }

    /// <summary>The ids of all keys that open incoming beacons.</summary>
    public IEnumerable<uint> AcceptedKeyIds => _accepted.Keys.Order();

    /// <summary>Finds the key with <paramref name="keyId"/>.</summary>
    public bool TryGet(uint keyId, out BeaconKey key) => _accepted.TryGetValue(keyId, out key!);

    /// <summary>Returns a keyring sealing with <paramref name="newPrimary"/>, still accepting every current key.</summary>
    public Keyring Rotate(BeaconKey newPrimary) => new(newPrimary, _accepted.Values);

    /// <summary>Returns a keyring that no longer accepts <paramref name="keyId"/>; the primary cannot be retired.</summary>
    /// <exception cref="InvalidOperationException">The id is the primary key's.</exception>
    public Keyring Retire(uint keyId)
    {
        if (keyId == Primary.KeyId)
        {
            throw new InvalidOperationException($"Key {keyId:x8} is the primary key; rotate to a new primary before retiring it.");
        }

        return new Keyring(Primary, _accepted.Values.Where(k => k.KeyId != keyId));
    }
}
