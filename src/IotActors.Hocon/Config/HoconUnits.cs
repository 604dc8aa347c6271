namespace IotActors.Hocon;

/// <summary>Reads HOCON duration and size strings outside a parsed document (e.g. values from .NET configuration).</summary>
public static class HoconUnits
{
    /// <summary>Parses a duration such as <c>500ms</c>, <c>2 s</c> or <c>1 minute</c> (a bare number is milliseconds).</summary>
    public static bool TryParseDuration(string text, out TimeSpan duration)
    {
        try
        {
            duration = TimeSpan.FromTicks(UnitParser.DurationNanos(new HoconString(text), "value") / 100);
            return true;
        }
        catch (Exception ex) when (ex is HoconException or OverflowException)
        {
            duration = default;
            return false;
        }
    }

    /// <summary>Parses a size such as <c>64KiB</c>, <c>1M</c> or <c>10 bytes</c>, in bytes.</summary>
    public static bool TryParseSize(string text, out long bytes)
    {
        try
        {
            var big = UnitParser.SizeBytes(new HoconString(text), "value");
            bytes = (long)big;
            return big >= long.MinValue && big <= long.MaxValue;
        }
        catch (Exception ex) when (ex is HoconException or OverflowException)
        {
            bytes = default;
            return false;
        }
    }
}
