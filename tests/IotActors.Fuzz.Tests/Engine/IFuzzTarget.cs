namespace IotActors.Fuzz.Engine;

/// <summary>One decoder under fuzzing: its name, seed inputs, and a run that maps documented errors to <see cref="FuzzOutcome.Rejected"/>.</summary>
/// <remarks>Run must let every exception other than the decoder's documented error type escape: the engine records it as a finding.</remarks>
public interface IFuzzTarget
{
    /// <summary>The name used on the command line and as the corpus folder.</summary>
    string Name { get; }

    /// <summary>Whether the input is text (JSON, HOCON) so token-aware mutations apply.</summary>
    bool IsText { get; }

    /// <summary>Valid and near-valid inputs built in code; the corpus folder adds more.</summary>
    IEnumerable<byte[]> Seeds();

    /// <summary>Feeds one input to the decoder.</summary>
    FuzzOutcome Run(byte[] input);
}
