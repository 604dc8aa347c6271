namespace IotActors.Devices.Gpio;

/// <summary>A GPIO chip or line could not be used; <see cref="Kind"/> says why and the message says what to do.</summary>
public sealed class GpioException : IOException
{
    /// <summary>Creates the exception.</summary>
    public GpioException(GpioErrorKind kind, string message, int errno = 0)
        : base(message)
    {
        Kind = kind;
        Errno = errno;
    }

    /// <summary>The category of failure.</summary>
    public GpioErrorKind Kind { get; }

    /// <summary>The Linux errno behind the failure, or 0.</summary>
    public int Errno { get; }

    internal static GpioException PermissionDenied(string chip, int errno) =>
        new(GpioErrorKind.PermissionDenied, $"Permission denied opening {chip}: add the user to the 'gpio' group (sudo usermod -aG gpio $USER, then log in again) or install a udev rule giving the group access to /dev/gpiochip*.", errno);

    internal static GpioException NoSuchChip(string chip, int errno = 0) =>
        new(GpioErrorKind.NoSuchChip, $"GPIO chip '{chip}' does not exist: list chips with 'ls /dev/gpiochip*' (or gpiodetect) and fix the 'chip' setting.", errno);

    internal static GpioException NoSuchLine(string chip, string line, string detail) =>
        new(GpioErrorKind.NoSuchLine, $"GPIO line '{line}' not found on {chip}: {detail}. List lines with gpioinfo and fix the 'line' setting.");

    internal static GpioException Busy(string chip, uint offset, string consumer, int errno = 0) =>
        new(GpioErrorKind.LineBusy, $"GPIO line {offset} on {chip} is busy: held by consumer '{(consumer.Length == 0 ? "unknown (kernel or unlabelled user)" : consumer)}'. Stop that program or remove the overlay that claims the pin.", errno);
}
