using System.Globalization;

namespace IotActors.Home.Sensors;

/// <summary>Pure sample checks: finite, within the metric's range, not faster than the allowed rate.</summary>
public sealed class SampleValidator
{
    /// <summary>Creates a validator with the given options.</summary>
    public SampleValidator(SampleValidationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.MinInterval < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MinInterval, "MinInterval must not be negative.");
        }

        Options = options;
    }

    /// <summary>The options in use.</summary>
    public SampleValidationOptions Options { get; }

    /// <summary>Checks one sample against the range and the time of the previous accepted sample of the same device and metric.</summary>
    /// <param name="metric">The metric, e.g. temperature.</param>
    /// <param name="value">The measured value.</param>
    /// <param name="sourceTime">When the sample was taken.</param>
    /// <param name="lastAcceptedAt">Source time of the previous accepted sample, or null.</param>
    public SampleVerdict Validate(string metric, double value, DateTimeOffset sourceTime, DateTimeOffset? lastAcceptedAt)
    {
        ArgumentNullException.ThrowIfNull(metric);
        if (!double.IsFinite(value))
        {
            return SampleVerdict.Reject($"{metric} value {value} is not a finite number");
        }

        if (Options.RangeOf(metric) is { } range && !range.Contains(value))
        {
            return SampleVerdict.Reject(string.Create(CultureInfo.InvariantCulture, $"{metric} value {value} is outside the plausible range [{range.Min}, {range.Max}]"));
        }

        if (lastAcceptedAt is { } last)
        {
            if (sourceTime < last)
            {
                return SampleVerdict.Reject($"sample time {sourceTime:O} is before the previous sample's {last:O}");
            }

            if (sourceTime - last < Options.MinInterval)
            {
                return SampleVerdict.Reject(string.Create(CultureInfo.InvariantCulture,
                    $"sample came {(sourceTime - last).TotalMilliseconds:0}ms after the previous one; the minimum interval is {Options.MinInterval.TotalMilliseconds:0}ms"));
            }
        }

        return SampleVerdict.Ok;
    }
}
