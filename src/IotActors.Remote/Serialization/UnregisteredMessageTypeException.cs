namespace IotActors.Remote.Serialization;

/// <summary>A message was sent whose type has no manifest in the <see cref="MessageRegistry"/>.</summary>
public sealed class UnregisteredMessageTypeException(Type type)
    : Exception($"Type {type.FullName} has no manifest; register it with MessageRegistry.Register before sending it to another node.");
