namespace IotActors.Bench;

/// <summary>A quick measurement command; add a class implementing it anywhere in this project and it is discovered by name.</summary>
public interface IBenchCommand
{
    /// <summary>The command name typed on the command line.</summary>
    string Name { get; }

    /// <summary>One line describing arguments.</summary>
    string Usage { get; }

    /// <summary>Runs the command; returns the process exit code.</summary>
    Task<int> RunAsync(string[] args);
}
