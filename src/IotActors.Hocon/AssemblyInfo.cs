namespace IotActors.Hocon;
internal static class AssemblyMarker { }
