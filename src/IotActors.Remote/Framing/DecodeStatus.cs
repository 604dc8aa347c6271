namespace IotActors.Remote.Framing;

/// <summary>The outcome of one decode attempt over buffered bytes.</summary>
internal enum DecodeStatus
{
    Frame,
    NeedMoreData,
    Error,
}
