using System.Collections.Concurrent;

namespace IotActors.Remote.Serialization;

/// <summary>Which sender roles may send which manifests; manifests without a rule are open to every authenticated node.</summary>
public sealed class MessagePolicy
{
    private readonly ConcurrentDictionary<string, string[]> _rules = new(StringComparer.Ordinal);

    /// <summary>A policy with no restrictions.</summary>
    public static MessagePolicy AllowAll => new();

    /// <summary>Restricts <paramref name="manifest"/> to senders having at least one of <paramref name="roles"/>.</summary>
    public MessagePolicy Allow(string manifest, params string[] roles)
    {
        _rules[manifest] = roles;
        return this;
    }

    /// <summary>Whether a sender with <paramref name="senderRoles"/> may send <paramref name="manifest"/>.</summary>
    public bool IsAllowed(string manifest, IReadOnlyList<string> senderRoles)
    {
        if (!_rules.TryGetValue(manifest, out var allowed)) return true;
        foreach (var role in senderRoles)
            if (Array.IndexOf(allowed, role) >= 0) return true;
        return false;
    }

    /// <summary>Raised (on the transport's thread) when a message from <c>sender</c> with <c>manifest</c> was refused by this policy; handlers must be fast and must not throw.</summary>
    public event Action<NodeIdentity, string>? Rejected;

    internal void OnRejected(NodeIdentity sender, string manifest) => Rejected?.Invoke(sender, manifest);
}
