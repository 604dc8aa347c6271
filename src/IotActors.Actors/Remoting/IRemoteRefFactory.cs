namespace IotActors.Actors;

/// <summary>Registered by the remoting layer to turn paths with a non-local address into remote refs.</summary>
public interface IRemoteRefFactory
{
    /// <summary>Returns a ref for <paramref name="path"/> (whose address is not this system's), or null if the address is unknown or unreachable.</summary>
    ActorRefBase? CreateRemoteRef(ActorPath path);
}
