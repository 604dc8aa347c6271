namespace IotActors.Remote;
internal static class AssemblyMarker { }
