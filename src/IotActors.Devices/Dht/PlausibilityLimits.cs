namespace IotActors.Devices.Dht;

/// <summary>Limits a temperature/humidity reading must respect to be accepted.</summary>
/// <param name="MinTemperatureC">Lowest accepted temperature (DHT22 range -40 °C).</param>
/// <param name="MaxTemperatureC">Highest accepted temperature (DHT22 range 80 °C).</param>
/// <param name="MinHumidity">Lowest accepted relative humidity, %.</param>
/// <param name="MaxHumidity">Highest accepted relative humidity, %.</param>
/// <param name="MaxTemperatureStep">Largest accepted change from the previous good reading, °C.</param>
/// <param name="MaxHumidityStep">Largest accepted change from the previous good reading, %RH.</param>
/// <param name="ConfirmationsToRebase">Consecutive mutually consistent rejected readings after which they are accepted as the new level.</param>
public sealed record PlausibilityLimits(
    double MinTemperatureC = -40,
    double MaxTemperatureC = 80,
    double MinHumidity = 0,
    double MaxHumidity = 100,
    double MaxTemperatureStep = 5,
    double MaxHumidityStep = 15,
    int ConfirmationsToRebase = 3);
