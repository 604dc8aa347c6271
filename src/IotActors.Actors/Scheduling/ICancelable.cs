namespace IotActors.Actors;

/// <summary>A handle to a scheduled task that can be cancelled.</summary>
public interface ICancelable
{
    /// <summary>True once cancelled.</summary>
    bool IsCancellationRequested { get; }

    /// <summary>Cancels the task; further deliveries do not happen.</summary>
    void Cancel();
}
