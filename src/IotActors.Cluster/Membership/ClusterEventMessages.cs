namespace IotActors.Cluster.Membership;

/// <summary>A change in the cluster as seen by one node, published to subscribers.</summary>
public abstract record ClusterEvent;

/// <summary>A member event carrying the member as it now is.</summary>
public abstract record MemberEvent(Member Member) : ClusterEvent;

/// <summary>A new member is Joining.</summary>
public sealed record MemberJoined(Member Member) : MemberEvent(Member);

/// <summary>A member became Up.</summary>
public sealed record MemberUp(Member Member) : MemberEvent(Member);

/// <summary>A member started leaving (Leaving).</summary>
public sealed record MemberLeft(Member Member) : MemberEvent(Member);

/// <summary>A member is Exiting.</summary>
public sealed record MemberExited(Member Member) : MemberEvent(Member);

/// <summary>A member was marked Down.</summary>
public sealed record MemberDowned(Member Member) : MemberEvent(Member);

/// <summary>A member was removed; <paramref name="PreviousStatus"/> says whether it left (Exiting) or was downed (Down).</summary>
public sealed record MemberRemoved(Member Member, MemberStatus PreviousStatus) : MemberEvent(Member);

/// <summary>A member became unreachable.</summary>
public sealed record UnreachableMember(Member Member) : MemberEvent(Member);

/// <summary>A member became reachable again.</summary>
public sealed record ReachableMember(Member Member) : MemberEvent(Member);

/// <summary>The leader changed (null: no leader).</summary>
public sealed record LeaderChanged(UniqueAddress? Leader) : ClusterEvent;
