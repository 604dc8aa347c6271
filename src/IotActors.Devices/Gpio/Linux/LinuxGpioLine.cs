using System.Runtime.InteropServices;

namespace IotActors.Devices.Gpio.Linux;

/// <summary>One requested line (a line-request fd); closing the fd releases the line.</summary>
internal sealed unsafe class LinuxGpioLine(LinuxGpioChip chip, uint offset, int fd) : IGpioOutputLine, IGpioInputLine
{
    private int _disposed;

    public uint Offset => offset;

    public void Write(bool value)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        var values = new GpioV2LineValues { Bits = value ? 1UL : 0UL, Mask = 1UL };
        if (LibC.Ioctl(fd, GpioUapi.LineSetValues, &values) < 0)
        {
            throw Failure("GPIO_V2_LINE_SET_VALUES");
        }
    }

    public bool Read()
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        var values = new GpioV2LineValues { Mask = 1UL };
        if (LibC.Ioctl(fd, GpioUapi.LineGetValues, &values) < 0)
        {
            throw Failure("GPIO_V2_LINE_GET_VALUES");
        }

        return (values.Bits & 1UL) != 0;
    }

    public GpioEdgeEvent? WaitForEdge(TimeSpan timeout)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        var pfd = new LibC.PollFd { Fd = fd, Events = LibC.PollIn };
        var ms = timeout < TimeSpan.Zero ? -1 : (int)Math.Min(int.MaxValue, Math.Ceiling(timeout.TotalMilliseconds));
        int ready;
        do
        {
            ready = LibC.Poll(&pfd, 1, ms);
        }
        while (ready < 0 && Marshal.GetLastPInvokeError() == LibC.EIntr);

        if (ready < 0)
        {
            throw Failure("poll");
        }

        if (ready == 0)
        {
            return null;
        }

        GpioV2LineEvent ev;
        var n = LibC.Read(fd, &ev, (nuint)sizeof(GpioV2LineEvent));
        if (n < 0)
        {
            throw Failure("read of gpio_v2_line_event");
        }

        if (n != sizeof(GpioV2LineEvent))
        {
            throw new GpioException(GpioErrorKind.IoError, $"Short read of a line event on {chip.Path} line {offset}: {n} of {sizeof(GpioV2LineEvent)} bytes.");
        }

        return new GpioEdgeEvent(ev.Offset, ev.Id == GpioUapi.EventRisingEdge, ev.TimestampNs, ev.LineSeqno);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            LibC.Close(fd);
        }
    }

    private GpioException Failure(string call)
    {
        var errno = Marshal.GetLastPInvokeError();
        return new GpioException(GpioErrorKind.IoError, $"{call} on {chip.Path} line {offset} failed: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno}).", errno);
    }
}
