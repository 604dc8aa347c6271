using System.Globalization;
using System.Runtime.InteropServices;

namespace IotActors.Devices.Gpio.Linux;

/// <summary>A GPIO chip opened through the Linux character device (/dev/gpiochipN) with the uAPI v2 ioctls.</summary>
/// <remarks>Thread-safe for line requests; each returned line is used by one thread at a time.</remarks>
public sealed unsafe class LinuxGpioChip : IGpioChip
{
    private readonly int _fd;
    private int _disposed;

    private LinuxGpioChip(int fd, string name, string path, int lineCount)
    {
        _fd = fd;
        Name = name;
        Path = path;
        LineCount = lineCount;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>The device path, e.g. "/dev/gpiochip0".</summary>
    public string Path { get; }

    /// <inheritdoc />
    public int LineCount { get; }

    /// <summary>Opens a chip by name ("gpiochip0"), number ("0") or path ("/dev/gpiochip0").</summary>
    /// <exception cref="GpioException">No such chip, or permission denied.</exception>
    public static LinuxGpioChip Open(string chip, string deviceRoot = "/dev")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(chip);
        var path = chip.Contains('/', StringComparison.Ordinal)
            ? chip
            : System.IO.Path.Combine(deviceRoot, int.TryParse(chip, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? $"gpiochip{n}" : chip);
        var fd = LibC.Open(path, LibC.ORdWr | LibC.OCloExec);
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw errno switch
            {
                LibC.ENoEnt or LibC.ENoDev => GpioException.NoSuchChip(path, errno),
                LibC.EAcces or LibC.EPerm => GpioException.PermissionDenied(path, errno),
                _ => new GpioException(GpioErrorKind.IoError, $"Cannot open {path}: errno {errno} ({Marshal.GetPInvokeErrorMessage(errno)}).", errno),
            };
        }

        GpioChipInfo info;
        if (LibC.Ioctl(fd, GpioUapi.GetChipInfo, &info) < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            LibC.Close(fd);
            throw new GpioException(GpioErrorKind.NoSuchChip, $"{path} is not a GPIO character device (GPIO_GET_CHIPINFO failed: {Marshal.GetPInvokeErrorMessage(errno)}).", errno);
        }

        return new LinuxGpioChip(fd, LibC.CString(info.Name, GpioUapi.MaxNameSize), path, (int)info.Lines);
    }

    /// <summary>Lists the GPIO character devices under <paramref name="deviceRoot"/>, sorted by chip number.</summary>
    public static IReadOnlyList<string> ListChips(string deviceRoot = "/dev") =>
        Directory.Exists(deviceRoot)
            ? [.. Directory.EnumerateFiles(deviceRoot, "gpiochip*").OrderBy(p => p.Length).ThenBy(p => p, StringComparer.Ordinal)]
            : [];

    /// <inheritdoc />
    public GpioLineInfo GetLineInfo(uint offset)
    {
        var raw = GetRawInfo(offset);
        return new GpioLineInfo(
            Name,
            offset,
            LibC.CString(raw.Name, GpioUapi.MaxNameSize),
            LibC.CString(raw.Consumer, GpioUapi.MaxNameSize),
            (raw.Flags & GpioUapi.FlagUsed) != 0,
            (raw.Flags & GpioUapi.FlagOutput) != 0,
            (raw.Flags & GpioUapi.FlagActiveLow) != 0);
    }

    /// <inheritdoc />
    public bool TryFindLine(string name, out uint offset)
    {
        for (uint i = 0; i < LineCount; i++)
        {
            var raw = GetRawInfo(i);
            if (LibC.CString(raw.Name, GpioUapi.MaxNameSize) == name)
            {
                offset = i;
                return true;
            }
        }

        offset = 0;
        return false;
    }

    /// <inheritdoc />
    public IGpioOutputLine OpenOutput(uint offset, GpioOutputOptions options)
    {
        var flags = GpioUapi.FlagOutput | (options.ActiveLow ? GpioUapi.FlagActiveLow : 0UL);
        var request = NewRequest(offset, flags);
        request.Config.AddAttribute(GpioUapi.AttrIdOutputValues, options.InitialValue ? 1UL : 0UL, 1UL);
        return new LinuxGpioLine(this, offset, Request(ref request, offset));
    }

    /// <inheritdoc />
    public IGpioInputLine OpenInput(uint offset, GpioInputOptions options)
    {
        var request = NewRequest(offset, GpioUapi.InputFlags(options));
        if (options.Debounce > TimeSpan.Zero)
        {
            request.Config.AddAttribute(GpioUapi.AttrIdDebounce, (ulong)options.Debounce.TotalMicroseconds, 1UL);
        }

        return new LinuxGpioLine(this, offset, Request(ref request, offset));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            LibC.Close(_fd);
        }
    }

    private static GpioV2LineRequest NewRequest(uint offset, ulong flags)
    {
        var request = default(GpioV2LineRequest);
        request.Offsets[0] = offset;
        request.NumLines = 1;
        request.Config.Flags = flags;
        var label = System.Text.Encoding.ASCII.GetBytes(GpioConstants.Consumer);
        for (var i = 0; i < label.Length; i++)
        {
            request.Consumer[i] = label[i];
        }

        return request;
    }

    private int Request(ref GpioV2LineRequest request, uint offset)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        CheckOffset(offset);
        fixed (GpioV2LineRequest* p = &request)
        {
            if (LibC.Ioctl(_fd, GpioUapi.GetLine, p) < 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                throw errno switch
                {
                    LibC.EBusy => GpioException.Busy(Path, offset, SafeConsumer(offset), errno),
                    LibC.EAcces or LibC.EPerm => GpioException.PermissionDenied(Path, errno),
                    LibC.EInval => new GpioException(GpioErrorKind.InvalidRequest, $"The kernel rejected the request for line {offset} on {Path} (EINVAL): the chip may not support the requested bias, debounce or edge detection.", errno),
                    _ => new GpioException(GpioErrorKind.IoError, $"Requesting line {offset} on {Path} failed: {Marshal.GetPInvokeErrorMessage(errno)}.", errno),
                };
            }

            return p->Fd;
        }
    }

    private string SafeConsumer(uint offset)
    {
        try
        {
            return GetLineInfo(offset).Consumer;
        }
        catch (GpioException)
        {
            return string.Empty;
        }
    }

    private GpioV2LineInfo GetRawInfo(uint offset)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        CheckOffset(offset);
        var info = default(GpioV2LineInfo);
        info.Offset = offset;
        if (LibC.Ioctl(_fd, GpioUapi.GetLineInfo, &info) < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new GpioException(GpioErrorKind.IoError, $"GPIO_V2_GET_LINEINFO for line {offset} on {Path} failed: {Marshal.GetPInvokeErrorMessage(errno)}.", errno);
        }

        return info;
    }

    private void CheckOffset(uint offset)
    {
        if (offset >= LineCount)
        {
            throw GpioException.NoSuchLine(Path, offset.ToString(CultureInfo.InvariantCulture), $"the chip has {LineCount} lines (0..{LineCount - 1})");
        }
    }
}
