namespace IotActors.Hocon;

/// <summary>A calendar period read from a value such as <c>3 weeks</c> or <c>5 mo</c>.</summary>
public sealed record HoconPeriod(int Years, int Months, int Days);
