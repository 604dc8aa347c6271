namespace IotActors.Cluster;
internal static class AssemblyMarker { }
