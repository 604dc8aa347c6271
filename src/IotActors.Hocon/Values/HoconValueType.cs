namespace IotActors.Hocon;

/// <summary>The kind of a resolved HOCON value.</summary>
public enum HoconValueType
{
    /// <summary>An object of named fields.</summary>
    Object,

    /// <summary>An ordered list of values.</summary>
    Array,

    /// <summary>A string.</summary>
    String,

    /// <summary>A number (integer or floating point).</summary>
    Number,

    /// <summary>true or false.</summary>
    Boolean,

    /// <summary>null.</summary>
    Null,
}
