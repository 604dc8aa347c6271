namespace IotActors.Devices.Gpio;

/// <summary>Shared GPIO constants.</summary>
internal static class GpioConstants
{
    /// <summary>The consumer label set on every line IotActors requests.</summary>
    public const string Consumer = "iotactors";
}
