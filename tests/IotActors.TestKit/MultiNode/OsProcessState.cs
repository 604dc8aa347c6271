namespace IotActors.TestKit.MultiNode;

/// <summary>A process's scheduling state as the kernel reports it in /proc/&lt;pid&gt;/stat.</summary>
public enum OsProcessState
{
    /// <summary>No such process (exited and reaped).</summary>
    Gone,

    /// <summary>Running or runnable (R).</summary>
    Running,

    /// <summary>Sleeping or waiting (S, D, I).</summary>
    Sleeping,

    /// <summary>Stopped by a signal (T) or traced (t).</summary>
    Stopped,

    /// <summary>Exited but not yet reaped (Z).</summary>
    Zombie,

    /// <summary>Any other state letter.</summary>
    Other,
}
