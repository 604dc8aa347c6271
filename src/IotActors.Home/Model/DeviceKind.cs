namespace IotActors.Home.Model;

/// <summary>What a registered device is.</summary>
public enum DeviceKind
{
    /// <summary>Produces readings.</summary>
    Sensor,

    /// <summary>Has an idle/active state that controllers command.</summary>
    Actuator,

    /// <summary>A simple peer (ESP32, script) that joins through a gateway.</summary>
    RemotePeer,
}
