namespace IotActors.Fuzz.Engine;

/// <summary>What a decoder did with one input; anything else (an unexpected exception, a hang) is a finding.</summary>
public enum FuzzOutcome
{
    /// <summary>The input decoded.</summary>
    Accepted,

    /// <summary>The decoder refused the input with its documented error type or reject reason.</summary>
    Rejected,
}
