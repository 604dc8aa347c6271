namespace IotActors.Hocon;

/// <summary>The syntax a source is read with.</summary>
public enum HoconSyntax
{
    /// <summary>HOCON (a superset of JSON).</summary>
    Conf,

    /// <summary>Strict JSON.</summary>
    Json,

    /// <summary>Java properties (dotted keys become nested objects; values are strings).</summary>
    Properties,
}
