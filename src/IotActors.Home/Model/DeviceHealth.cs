namespace IotActors.Home.Model;

/// <summary>How recently a device was heard from.</summary>
public enum DeviceHealth
{
    /// <summary>Heard from within the stale-after threshold.</summary>
    Online,

    /// <summary>Silent longer than stale-after but not yet offline-after.</summary>
    Stale,

    /// <summary>Silent longer than offline-after, or never heard from.</summary>
    Offline,
}
