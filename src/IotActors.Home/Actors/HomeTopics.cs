namespace IotActors.Home.Actors;

/// <summary>The cluster pub-sub topics and registry keys the domain uses.</summary>
public static class HomeTopics
{
    /// <summary>Every accepted, stamped <see cref="Model.Reading"/>.</summary>
    public const string Readings = "readings";

    /// <summary>Every actuator <see cref="Model.StateChanged"/>.</summary>
    public const string State = "state";

    /// <summary>Rule-set changes between the nodes' rule actors.</summary>
    public const string Rules = "rules";

    /// <summary>The registry key id under which the actuator of <paramref name="deviceId"/> registers.</summary>
    public static string ActuatorKey(string deviceId) => "actuator:" + deviceId;
}
