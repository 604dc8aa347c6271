namespace IotActors.Devices.Gpio;

/// <summary>Internal resistor bias of an input line.</summary>
public enum GpioBias
{
    /// <summary>Leave the bias as the chip or device tree set it.</summary>
    AsIs,

    /// <summary>Enable the pull-up resistor.</summary>
    PullUp,

    /// <summary>Enable the pull-down resistor.</summary>
    PullDown,

    /// <summary>Disable any bias.</summary>
    Disabled,
}
