using IotActors.Hocon.Parsing;

namespace IotActors.Hocon.Resolving;

/// <summary>One definition in a field's stack: an unresolved node, or a value already resolved.</summary>
internal readonly record struct Entry(UNode? Node, HoconValue? Value);
