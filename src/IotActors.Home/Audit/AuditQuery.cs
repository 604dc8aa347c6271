namespace IotActors.Home.Audit;

/// <summary>One page request: newest first, <see cref="Limit"/> entries with ids below <see cref="Before"/>, optionally for one target or actor.</summary>
/// <param name="Limit">Entries per page, 1 to 1000.</param>
/// <param name="Before">Only entries with a smaller id (the previous page's <see cref="AuditPage.NextBefore"/>); null for the newest page.</param>
/// <param name="Target">Only entries for this target, when set.</param>
/// <param name="Who">Only entries by this actor, when set.</param>
public sealed record AuditQuery(int Limit = 50, long? Before = null, string? Target = null, string? Who = null);
