namespace IotActors.Devices.Dht;

/// <summary>Rejects out-of-range values and spikes (too large a step from the last good reading).</summary>
/// <remarks>A real jump is accepted once <see cref="PlausibilityLimits.ConfirmationsToRebase"/> consecutive rejected readings agree with each other. Not thread-safe.</remarks>
public sealed class PlausibilityFilter(PlausibilityLimits limits)
{
    private DhtReading? _lastGood;
    private DhtReading? _candidate;
    private int _candidateCount;

    /// <summary>The limits in force.</summary>
    public PlausibilityLimits Limits { get; } = limits;

    /// <summary>Checks a reading; returns null if accepted or the reason for rejecting it.</summary>
    public string? Check(DhtReading reading)
    {
        var t = reading.TemperatureC;
        var h = reading.HumidityPercent;
        if (double.IsNaN(t) || t < Limits.MinTemperatureC || t > Limits.MaxTemperatureC)
        {
            return $"temperature {t:0.0} °C outside {Limits.MinTemperatureC}..{Limits.MaxTemperatureC} °C";
        }

        if (double.IsNaN(h) || h < Limits.MinHumidity || h > Limits.MaxHumidity)
        {
            return $"humidity {h:0.0} %RH outside {Limits.MinHumidity}..{Limits.MaxHumidity} %RH";
        }

        if (_lastGood is { } last && !Close(last, reading))
        {
            if (_candidate is { } c && Close(c, reading))
            {
                _candidateCount++;
            }
            else
            {
                _candidateCount = 1;
            }

            _candidate = reading;
            if (_candidateCount >= Limits.ConfirmationsToRebase)
            {
                Accept(reading);
                return null;
            }

            return $"step from {last.TemperatureC:0.0} °C/{last.HumidityPercent:0.0} %RH to {t:0.0} °C/{h:0.0} %RH exceeds {Limits.MaxTemperatureStep} °C/{Limits.MaxHumidityStep} %RH";
        }

        Accept(reading);
        return null;
    }

    private void Accept(DhtReading reading)
    {
        _lastGood = reading;
        _candidate = null;
        _candidateCount = 0;
    }

    private bool Close(DhtReading a, DhtReading b) =>
        Math.Abs(a.TemperatureC - b.TemperatureC) <= Limits.MaxTemperatureStep &&
        Math.Abs(a.HumidityPercent - b.HumidityPercent) <= Limits.MaxHumidityStep;
}
