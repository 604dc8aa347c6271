using System.Collections.Concurrent;
using System.Text.Json.Serialization.Metadata;

namespace IotActors.Remote.Serialization;

/// <summary>The explicit table of message types that may cross the wire, each under a stable manifest.</summary>
/// <remarks>Only registered manifests are ever deserialized: nothing received decides which CLR type is loaded.</remarks>
public sealed class MessageRegistry
{
    private readonly ConcurrentDictionary<string, Registration> _byManifest = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Type, Registration> _byType = new();

    /// <summary>Registers <typeparamref name="T"/> under <paramref name="manifest"/> using source-generated JSON metadata.</summary>
    public MessageRegistry Register<T>(string manifest, JsonTypeInfo<T> typeInfo) =>
        Register(manifest, typeof(T), new JsonMessageSerializer<T>(typeInfo));

    /// <summary>Registers a type with a custom serializer (e.g. a binary one).</summary>
    public MessageRegistry Register(string manifest, Type type, ISerializer serializer)
    {
        if (string.IsNullOrEmpty(manifest) || System.Text.Encoding.UTF8.GetByteCount(manifest) > 255)
            throw new ArgumentException("A manifest must be 1 to 255 UTF-8 bytes.", nameof(manifest));
        var registration = new Registration(manifest, type, serializer);
        if (!_byManifest.TryAdd(manifest, registration))
            throw new InvalidOperationException($"Manifest '{manifest}' is already registered for {_byManifest[manifest].Type.Name}.");
        if (!_byType.TryAdd(type, registration))
        {
            _byManifest.TryRemove(manifest, out _);
            throw new InvalidOperationException($"Type {type.Name} is already registered under manifest '{_byType[type].Manifest}'.");
        }
        return this;
    }

    /// <summary>Per-manifest role rules enforced on arrival, before deserialization (used when the transport is given no other policy).</summary>
    public MessagePolicy Policy { get; } = new();

    /// <summary>Registers <typeparamref name="T"/> and allows only senders with one of <paramref name="senderRoles"/> to send it.</summary>
    public MessageRegistry Register<T>(string manifest, JsonTypeInfo<T> typeInfo, params string[] senderRoles)
    {
        Register(manifest, typeInfo);
        if (senderRoles.Length > 0) Policy.Allow(manifest, senderRoles);
        return this;
    }

    /// <summary>Restricts the already registered <typeparamref name="T"/> to senders with one of <paramref name="senderRoles"/>.</summary>
    public MessageRegistry RestrictTo<T>(params string[] senderRoles)
    {
        if (!_byType.TryGetValue(typeof(T), out var registration)) throw new UnregisteredMessageTypeException(typeof(T));
        if (senderRoles.Length == 0) throw new ArgumentException("Name at least one role that may send the message.", nameof(senderRoles));
        Policy.Allow(registration.Manifest, senderRoles);
        return this;
    }

    /// <summary>Whether a manifest is registered.</summary>
    public bool IsRegistered(string manifest) => _byManifest.ContainsKey(manifest);

    /// <summary>Serializes a message, returning its manifest and bytes; throws for unregistered types.</summary>
    public (string Manifest, byte[] Payload) Serialize(object message)
    {
        if (!_byType.TryGetValue(message.GetType(), out var registration))
            throw new UnregisteredMessageTypeException(message.GetType());
        return (registration.Manifest, registration.Serializer.Serialize(message));
    }

    /// <summary>Tries to deserialize a payload by manifest; false with a reason for unknown manifests or bad payloads.</summary>
    public bool TryDeserialize(string manifest, ReadOnlySpan<byte> payload, out object message, out DeserializeFailure failure, out string? detail)
    {
        message = null!;
        detail = null;
        if (!_byManifest.TryGetValue(manifest, out var registration))
        {
            failure = DeserializeFailure.UnknownManifest;
            return false;
        }
        try
        {
            message = registration.Serializer.Deserialize(payload);
            failure = DeserializeFailure.None;
            return true;
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or NotSupportedException or InvalidOperationException
            or FormatException or ArgumentException or InvalidCastException)
        {
            failure = DeserializeFailure.BadPayload;
            detail = e.GetType().Name;
            return false;
        }
    }

    private sealed record Registration(string Manifest, Type Type, ISerializer Serializer);
}

/// <summary>Why an inbound payload could not be turned into a message.</summary>
public enum DeserializeFailure
{
    /// <summary>No failure.</summary>
    None,
    /// <summary>The manifest is not registered on this node.</summary>
    UnknownManifest,
    /// <summary>The payload is not valid for the registered type.</summary>
    BadPayload,
}
