namespace IotActors.Home.Site;

/// <summary>A cluster member joined, left, became unreachable or reachable again.</summary>
/// <param name="Kind">What happened: <c>up</c>, <c>left</c>, <c>removed</c>, <c>unreachable</c> or <c>reachable</c>.</param>
/// <param name="Member">The member after the change.</param>
/// <param name="At">When it was observed.</param>
public sealed record MemberEvent(string Kind, ClusterMemberInfo Member, DateTimeOffset At) : SiteEvent(At);
