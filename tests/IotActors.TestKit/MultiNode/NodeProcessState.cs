namespace IotActors.TestKit.MultiNode;

/// <summary>What the harness last did to a node's process.</summary>
public enum NodeProcessState
{
    /// <summary>Never started.</summary>
    NotStarted,

    /// <summary>Started and not paused.</summary>
    Running,

    /// <summary>Stopped with SIGSTOP; resumes with SIGCONT.</summary>
    Paused,

    /// <summary>The process has exited (SIGTERM, kill -9 or on its own).</summary>
    Exited,
}
