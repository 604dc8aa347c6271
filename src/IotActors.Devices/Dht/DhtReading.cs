namespace IotActors.Devices.Dht;

/// <summary>A decoded DHT22 reading in °C and %RH.</summary>
public readonly record struct DhtReading(double TemperatureC, double HumidityPercent);
