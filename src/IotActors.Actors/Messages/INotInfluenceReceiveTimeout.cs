namespace IotActors.Actors;

/// <summary>Marker for messages that do not reset the receive timeout.</summary>
public interface INotInfluenceReceiveTimeout;
