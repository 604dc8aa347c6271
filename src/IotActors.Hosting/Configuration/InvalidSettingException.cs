namespace IotActors.Hosting;

/// <summary>A configuration value is missing or not allowed; the message names the key, the value and what is allowed.</summary>
public sealed class InvalidSettingException : Exception
{
    /// <summary>Creates the exception for one configuration key.</summary>
    public InvalidSettingException(string key, string? value, string allowed)
        : base($"invalid setting {key} = {(value is null ? "(missing)" : $"'{value}'")}: {allowed}")
    {
        Key = key;
        Value = value;
        Allowed = allowed;
    }

    /// <summary>The configuration key in HOCON dotted form, e.g. <c>iotactors.node.name</c>.</summary>
    public string Key { get; }

    /// <summary>The offending value, or null when it was missing.</summary>
    public string? Value { get; }

    /// <summary>What the key accepts.</summary>
    public string Allowed { get; }
}
