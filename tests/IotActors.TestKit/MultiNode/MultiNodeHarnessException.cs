namespace IotActors.TestKit.MultiNode;

/// <summary>Thrown when the multi-node harness cannot set up, control or clean up nodes and their network.</summary>
public sealed class MultiNodeHarnessException : Exception
{
    /// <summary>Creates the exception with an actionable message.</summary>
    public MultiNodeHarnessException(string message) : base(message) { }

    /// <summary>Creates the exception with an actionable message and its cause.</summary>
    public MultiNodeHarnessException(string message, Exception inner) : base(message, inner) { }
}
