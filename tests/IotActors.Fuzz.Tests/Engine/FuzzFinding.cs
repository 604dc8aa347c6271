namespace IotActors.Fuzz.Engine;

/// <summary>One input that made a decoder misbehave.</summary>
public sealed record FuzzFinding(string Decoder, string Kind, string Detail, byte[] Input, string? SavedTo)
{
    /// <summary>The input as base64, for reports and regression tests.</summary>
    public string Base64 => Convert.ToBase64String(Input);

    public override string ToString() =>
        $"[{Decoder}] {Kind}: {Detail}\n  saved: {SavedTo ?? "(not saved)"}\n  base64: {(Base64.Length > 4000 ? Base64[..4000] + "..." : Base64)}";
}
