namespace IotActors.Persistence;

/// <summary>Raised when an event or snapshot of a type without a registered manifest is to be stored.</summary>
public sealed class UnregisteredTypeException : PersistenceException
{
    /// <summary>Creates the exception naming the type.</summary>
    public UnregisteredTypeException(Type type)
        : base($"Type {type.FullName} has no persistence manifest; register it with PersistenceSerializer.Register<{type.Name}>(\"<manifest>\") before persisting it.")
    {
        Type = type;
    }

    /// <summary>The unregistered type.</summary>
    public Type Type { get; }
}
