namespace IotActors.Actors;

/// <summary>Implement on an actor to get an <see cref="IStash"/> injected; the capacity comes from <see cref="Props.WithStashCapacity"/> or the settings.</summary>
public interface IWithStash
{
    /// <summary>The stash; set by the runtime. Stashed messages are unstashed on restart and dead-lettered on stop.</summary>
    IStash Stash { get; set; }
}
