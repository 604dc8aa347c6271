namespace IotActors.Home.Site;

/// <summary>A read-only view of cluster membership for the API and dashboard.</summary>
public interface IClusterView
{
    /// <summary>The current members, leader and reachability.</summary>
    ClusterSnapshot Snapshot();
}
