using System.Collections.Concurrent;
using System.Text.Json;

namespace IotActors.Persistence;

/// <summary>Serializes events and snapshots with System.Text.Json under explicitly registered manifests.</summary>
/// <remarks>
/// Thread-safe. Stored data names its type only by manifest, never by CLR type name, so types can be renamed or
/// moved freely; keep a manifest stable once data was written with it and register a new one for a changed shape.
/// </remarks>
public sealed class PersistenceSerializer
{
    private readonly ConcurrentDictionary<string, Type> _byManifest = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Type, string> _byType = new();
    private readonly JsonSerializerOptions _options;

    /// <summary>Creates an empty registry using <paramref name="options"/> (System.Text.Json defaults if null).</summary>
    public PersistenceSerializer(JsonSerializerOptions? options = null) => _options = options ?? new JsonSerializerOptions();

    /// <summary>The registered manifests and their types.</summary>
    public IReadOnlyDictionary<string, Type> Manifests => _byManifest;

    /// <summary>Registers <typeparamref name="T"/> under <paramref name="manifest"/>; registering the same pair again is a no-op.</summary>
    public PersistenceSerializer Register<T>(string manifest) => Register(typeof(T), manifest);

    /// <summary>Registers <paramref name="type"/> under <paramref name="manifest"/>; a manifest or type already bound to something else is refused.</summary>
    public PersistenceSerializer Register(Type type, string manifest)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentException.ThrowIfNullOrWhiteSpace(manifest);
        if (type == typeof(Tagged))
        {
            throw new ArgumentException("Tagged is a wrapper and is never stored; register the type of its payload.", nameof(type));
        }

        lock (_byManifest)
        {
            if (_byManifest.TryGetValue(manifest, out var existing) && existing != type)
            {
                throw new ArgumentException($"Manifest '{manifest}' is already registered for {existing.FullName}; each manifest names exactly one type.", nameof(manifest));
            }

            if (_byType.TryGetValue(type, out var existingManifest) && existingManifest != manifest)
            {
                throw new ArgumentException($"Type {type.FullName} is already registered as '{existingManifest}'; each type has exactly one manifest.", nameof(type));
            }

            _byManifest[manifest] = type;
            _byType[type] = manifest;
        }

        return this;
    }

    /// <summary>True when the object's exact type is registered.</summary>
    public bool CanSerialize(object value) => value is not null && _byType.ContainsKey(value.GetType());

    /// <summary>Serializes <paramref name="value"/> and returns its manifest and UTF-8 JSON payload.</summary>
    /// <exception cref="UnregisteredTypeException">The value's exact type is not registered.</exception>
    public (string Manifest, byte[] Payload) Serialize(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var type = value.GetType();
        if (!_byType.TryGetValue(type, out var manifest))
        {
            throw new UnregisteredTypeException(type);
        }

        return (manifest, JsonSerializer.SerializeToUtf8Bytes(value, type, _options));
    }

    /// <summary>Deserializes a payload stored under <paramref name="manifest"/>.</summary>
    /// <exception cref="UnknownManifestException">No type is registered under the manifest.</exception>
    /// <exception cref="JsonException">The payload does not match the registered type.</exception>
    public object Deserialize(string manifest, ReadOnlySpan<byte> payload)
    {
        if (!_byManifest.TryGetValue(manifest, out var type))
        {
            throw new UnknownManifestException(manifest);
        }

        return JsonSerializer.Deserialize(payload, type, _options)
            ?? throw new JsonException($"The payload of manifest '{manifest}' decoded to null.");
    }
}
