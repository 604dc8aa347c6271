namespace IotActors.Devices.Gpio;

/// <summary>Which edges of an input line raise events.</summary>
[Flags]
public enum GpioEdge
{
    /// <summary>No edge detection.</summary>
    None = 0,

    /// <summary>Inactive to active transitions.</summary>
    Rising = 1,

    /// <summary>Active to inactive transitions.</summary>
    Falling = 2,

    /// <summary>Both directions.</summary>
    Both = Rising | Falling,
}
