namespace IotActors.Actors;

/// <summary>Base of messages that manage actor lifecycle and death watch; they are always processed before user messages.</summary>
public abstract record SystemMessage;
