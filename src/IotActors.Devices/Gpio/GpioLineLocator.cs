using System.Globalization;

namespace IotActors.Devices.Gpio;

/// <summary>Resolves a line given as an offset ("17") or a line name ("GPIO17") on one chip or across several.</summary>
public static class GpioLineLocator
{
    /// <summary>Resolves <paramref name="line"/> on <paramref name="chip"/>: a number is an offset, anything else a line name.</summary>
    /// <exception cref="GpioException">The offset is out of range or no line has that name.</exception>
    public static uint Resolve(IGpioChip chip, string line)
    {
        ArgumentNullException.ThrowIfNull(chip);
        ArgumentException.ThrowIfNullOrWhiteSpace(line);
        if (uint.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
        {
            if (offset >= chip.LineCount)
            {
                throw GpioException.NoSuchLine(chip.Name, line, $"the chip has {chip.LineCount} lines (0..{chip.LineCount - 1})");
            }

            return offset;
        }

        return chip.TryFindLine(line, out offset)
            ? offset
            : throw GpioException.NoSuchLine(chip.Name, line, "no line has that name");
    }

    /// <summary>Finds the first chip with a line named <paramref name="lineName"/>; returns null when none has it.</summary>
    public static (IGpioChip Chip, uint Offset)? FindByName(IEnumerable<IGpioChip> chips, string lineName)
    {
        foreach (var chip in chips)
        {
            if (chip.TryFindLine(lineName, out var offset))
            {
                return (chip, offset);
            }
        }

        return null;
    }
}
