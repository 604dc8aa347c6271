using System.Runtime.InteropServices;
using IotActors.Devices.Gpio.Linux;

namespace IotActors.Devices.Tests.Gpio;

public sealed unsafe class GpioUapiLayoutTests
{
    [Fact]
    public void Struct_sizes_match_the_kernel_uapi_header()
    {
        // Sizes from include/uapi/linux/gpio.h (identical on 32- and 64-bit thanks to __aligned_u64 and explicit padding).
        sizeof(GpioChipInfo).Should().Be(68);
        sizeof(GpioV2LineConfigAttribute).Should().Be(24);
        sizeof(GpioV2LineConfig).Should().Be(272);
        sizeof(GpioV2LineRequest).Should().Be(592);
        sizeof(GpioV2LineInfo).Should().Be(256);
        sizeof(GpioV2LineValues).Should().Be(16);
        sizeof(GpioV2LineEvent).Should().Be(48);
        Marshal.SizeOf<GpioV2LineRequest>().Should().Be(592);
        Marshal.SizeOf<GpioV2LineInfo>().Should().Be(256);
        Marshal.SizeOf<GpioV2LineEvent>().Should().Be(48);
        Marshal.SizeOf<LibC.PollFd>().Should().Be(8);
    }

    [Fact]
    public void Field_offsets_match_the_kernel_uapi_header()
    {
        Marshal.OffsetOf<GpioV2LineRequest>(nameof(GpioV2LineRequest.Config)).ToInt32().Should().Be(288);
        Marshal.OffsetOf<GpioV2LineRequest>(nameof(GpioV2LineRequest.NumLines)).ToInt32().Should().Be(560);
        Marshal.OffsetOf<GpioV2LineRequest>(nameof(GpioV2LineRequest.Fd)).ToInt32().Should().Be(588);
        Marshal.OffsetOf<GpioV2LineInfo>(nameof(GpioV2LineInfo.Flags)).ToInt32().Should().Be(72);
        Marshal.OffsetOf<GpioV2LineEvent>(nameof(GpioV2LineEvent.LineSeqno)).ToInt32().Should().Be(20);
    }

    [Fact]
    public void Ioctl_numbers_match_the_kernel_encoding()
    {
        GpioUapi.GetChipInfo.Should().Be(0x8044B401u);
        GpioUapi.GetLineInfo.Should().Be(0xC100B405u);
        GpioUapi.GetLine.Should().Be(0xC250B407u);
        GpioUapi.LineGetValues.Should().Be(0xC010B40Eu);
        GpioUapi.LineSetValues.Should().Be(0xC010B40Fu);
    }

    [Fact]
    public void Config_attributes_are_written_at_24_byte_strides()
    {
        var config = default(GpioV2LineConfig);
        config.AddAttribute(GpioUapi.AttrIdOutputValues, 1, 1);
        config.AddAttribute(GpioUapi.AttrIdDebounce, 5000, 1);
        config.NumAttrs.Should().Be(2u);
        var second = (GpioV2LineConfigAttribute*)(config.Attrs + 24);
        second->Id.Should().Be(GpioUapi.AttrIdDebounce);
        second->Value.Should().Be(5000UL);
        second->Mask.Should().Be(1UL);
    }

    [Fact]
    public void Input_flags_combine_edges_bias_and_active_low()
    {
        var flags = GpioUapi.InputFlags(new IotActors.Devices.Gpio.GpioInputOptions(true, IotActors.Devices.Gpio.GpioBias.PullUp, IotActors.Devices.Gpio.GpioEdge.Both));
        flags.Should().Be(GpioUapi.FlagInput | GpioUapi.FlagActiveLow | GpioUapi.FlagEdgeRising | GpioUapi.FlagEdgeFalling | GpioUapi.FlagBiasPullUp);
    }
}
