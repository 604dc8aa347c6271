namespace IotActors.Devices.Gpio;

/// <summary>Why a GPIO operation failed, so callers can react without parsing messages.</summary>
public enum GpioErrorKind
{
    /// <summary>The chip device does not exist.</summary>
    NoSuchChip,

    /// <summary>The line offset or name does not exist.</summary>
    NoSuchLine,

    /// <summary>Another consumer holds the line.</summary>
    LineBusy,

    /// <summary>The process may not open the chip.</summary>
    PermissionDenied,

    /// <summary>The request or a value was rejected.</summary>
    InvalidRequest,

    /// <summary>Any other I/O failure.</summary>
    IoError,
}
