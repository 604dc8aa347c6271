using System.Runtime.InteropServices;

namespace IotActors.Devices.Gpio.Linux;

/// <summary>Constants and ioctl numbers of the Linux GPIO character device uAPI v2 (include/uapi/linux/gpio.h).</summary>
/// <remarks>ioctl numbers use the generic Linux encoding (x86, arm, arm64, riscv): dir &lt;&lt; 30 | size &lt;&lt; 16 | type &lt;&lt; 8 | nr.</remarks>
internal static class GpioUapi
{
    public const int MaxNameSize = 32;
    public const int LinesMax = 64;
    public const int NumAttrsMax = 10;

    public const ulong FlagUsed = 1UL << 0;
    public const ulong FlagActiveLow = 1UL << 1;
    public const ulong FlagInput = 1UL << 2;
    public const ulong FlagOutput = 1UL << 3;
    public const ulong FlagEdgeRising = 1UL << 4;
    public const ulong FlagEdgeFalling = 1UL << 5;
    public const ulong FlagBiasPullUp = 1UL << 8;
    public const ulong FlagBiasPullDown = 1UL << 9;
    public const ulong FlagBiasDisabled = 1UL << 10;

    public const uint AttrIdFlags = 1;
    public const uint AttrIdOutputValues = 2;
    public const uint AttrIdDebounce = 3;

    public const uint EventRisingEdge = 1;
    public const uint EventFallingEdge = 2;

    public const byte IoctlType = 0xB4;

    public static readonly uint GetChipInfo = IoR(0x01, 68);
    public static readonly uint GetLineInfo = IoWR(0x05, 256);
    public static readonly uint GetLine = IoWR(0x07, 592);
    public static readonly uint LineGetValues = IoWR(0x0E, 16);
    public static readonly uint LineSetValues = IoWR(0x0F, 16);

    /// <summary>Encodes a read-write ioctl number.</summary>
    public static uint IoWR(uint nr, uint size) => (3u << 30) | (size << 16) | ((uint)IoctlType << 8) | nr;

    /// <summary>Encodes a read-only ioctl number.</summary>
    public static uint IoR(uint nr, uint size) => (2u << 30) | (size << 16) | ((uint)IoctlType << 8) | nr;

    /// <summary>Maps line flags requested by the options to uAPI flags.</summary>
    public static ulong InputFlags(GpioInputOptions options)
    {
        var flags = FlagInput;
        if (options.ActiveLow)
        {
            flags |= FlagActiveLow;
        }

        if ((options.Edge & GpioEdge.Rising) != 0)
        {
            flags |= FlagEdgeRising;
        }

        if ((options.Edge & GpioEdge.Falling) != 0)
        {
            flags |= FlagEdgeFalling;
        }

        flags |= options.Bias switch
        {
            GpioBias.PullUp => FlagBiasPullUp,
            GpioBias.PullDown => FlagBiasPullDown,
            GpioBias.Disabled => FlagBiasDisabled,
            _ => 0UL,
        };
        return flags;
    }
}

/// <summary>struct gpiochip_info (68 bytes).</summary>
[StructLayout(LayoutKind.Explicit, Size = 68)]
internal unsafe struct GpioChipInfo
{
    [FieldOffset(0)] public fixed byte Name[GpioUapi.MaxNameSize];
    [FieldOffset(32)] public fixed byte Label[GpioUapi.MaxNameSize];
    [FieldOffset(64)] public uint Lines;
}

/// <summary>struct gpio_v2_line_attribute (16 bytes) followed by the mask of gpio_v2_line_config_attribute (24 bytes in all).</summary>
[StructLayout(LayoutKind.Explicit, Size = 24)]
internal struct GpioV2LineConfigAttribute
{
    [FieldOffset(0)] public uint Id;
    [FieldOffset(4)] public uint Padding;
    [FieldOffset(8)] public ulong Value;
    [FieldOffset(16)] public ulong Mask;
}

/// <summary>struct gpio_v2_line_config (272 bytes).</summary>
[StructLayout(LayoutKind.Explicit, Size = 272)]
internal unsafe struct GpioV2LineConfig
{
    [FieldOffset(0)] public ulong Flags;
    [FieldOffset(8)] public uint NumAttrs;
    [FieldOffset(12)] public fixed uint Padding[5];
    [FieldOffset(32)] public fixed byte Attrs[GpioUapi.NumAttrsMax * 24];

    /// <summary>Appends a configuration attribute.</summary>
    public void AddAttribute(uint id, ulong value, ulong mask)
    {
        if (NumAttrs >= GpioUapi.NumAttrsMax)
        {
            throw new InvalidOperationException("Too many line attributes.");
        }

        fixed (byte* p = Attrs)
        {
            var attr = (GpioV2LineConfigAttribute*)(p + (NumAttrs * 24));
            attr->Id = id;
            attr->Padding = 0;
            attr->Value = value;
            attr->Mask = mask;
        }

        NumAttrs++;
    }
}

/// <summary>struct gpio_v2_line_request (592 bytes).</summary>
[StructLayout(LayoutKind.Explicit, Size = 592)]
internal unsafe struct GpioV2LineRequest
{
    [FieldOffset(0)] public fixed uint Offsets[GpioUapi.LinesMax];
    [FieldOffset(256)] public fixed byte Consumer[GpioUapi.MaxNameSize];
    [FieldOffset(288)] public GpioV2LineConfig Config;
    [FieldOffset(560)] public uint NumLines;
    [FieldOffset(564)] public uint EventBufferSize;
    [FieldOffset(568)] public fixed uint Padding[5];
    [FieldOffset(588)] public int Fd;
}

/// <summary>struct gpio_v2_line_info (256 bytes).</summary>
[StructLayout(LayoutKind.Explicit, Size = 256)]
internal unsafe struct GpioV2LineInfo
{
    [FieldOffset(0)] public fixed byte Name[GpioUapi.MaxNameSize];
    [FieldOffset(32)] public fixed byte Consumer[GpioUapi.MaxNameSize];
    [FieldOffset(64)] public uint Offset;
    [FieldOffset(68)] public uint NumAttrs;
    [FieldOffset(72)] public ulong Flags;
    [FieldOffset(80)] public fixed byte Attrs[GpioUapi.NumAttrsMax * 16];
    [FieldOffset(240)] public fixed uint Padding[4];
}

/// <summary>struct gpio_v2_line_values (16 bytes).</summary>
[StructLayout(LayoutKind.Explicit, Size = 16)]
internal struct GpioV2LineValues
{
    [FieldOffset(0)] public ulong Bits;
    [FieldOffset(8)] public ulong Mask;
}

/// <summary>struct gpio_v2_line_event (48 bytes).</summary>
[StructLayout(LayoutKind.Explicit, Size = 48)]
internal unsafe struct GpioV2LineEvent
{
    [FieldOffset(0)] public ulong TimestampNs;
    [FieldOffset(8)] public uint Id;
    [FieldOffset(12)] public uint Offset;
    [FieldOffset(16)] public uint Seqno;
    [FieldOffset(20)] public uint LineSeqno;
    [FieldOffset(24)] public fixed uint Padding[6];
}
