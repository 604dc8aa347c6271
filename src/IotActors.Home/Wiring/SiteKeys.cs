namespace IotActors.Home.Wiring;

/// <summary>Keys of the replicated site map: device ids, except test/demo keys under <see cref="DebugPrefix"/>.</summary>
public static class SiteKeys
{
    /// <summary>Prefix of keys written by the node's debug endpoints; the site view skips them.</summary>
    public const string DebugPrefix = "debug:";

    /// <summary>Whether <paramref name="key"/> names a device (not a debug key).</summary>
    public static bool IsDevice(string key) => !key.StartsWith(DebugPrefix, StringComparison.Ordinal);
}
