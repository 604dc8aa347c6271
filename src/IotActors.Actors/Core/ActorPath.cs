using System.Globalization;
using System.Text;

namespace IotActors.Actors;

/// <summary>The hierarchical, immutable name of an actor: an <see cref="Address"/> plus path elements such as <c>/user/a/b</c>.</summary>
/// <remarks>Equality ignores <see cref="Uid"/>; actor refs compare path and uid.</remarks>
public sealed class ActorPath : IEquatable<ActorPath>
{
    private readonly ActorPath? _parent;

    private ActorPath(Address address, ActorPath? parent, string name, long uid)
    {
        Address = address;
        _parent = parent;
        Name = name;
        Uid = uid;
    }

    /// <summary>Creates the root path of an address (<c>iot://system/</c>).</summary>
    public static ActorPath Root(Address address) => new(address, null, "", 0);

    /// <summary>The address of the actor system the path belongs to.</summary>
    public Address Address { get; }

    /// <summary>The last path element (empty for the root).</summary>
    public string Name { get; }

    /// <summary>The unique id of the actor incarnation, 0 when unknown.</summary>
    public long Uid { get; }

    /// <summary>The parent path; the root is its own parent.</summary>
    public ActorPath Parent => _parent ?? this;

    /// <summary>The root path of this path's address.</summary>
    public ActorPath RootPath => _parent is null ? this : _parent.RootPath;

    /// <summary>Number of elements below the root.</summary>
    public int Depth => _parent is null ? 0 : _parent.Depth + 1;

    /// <summary>The elements below the root, e.g. <c>["user", "a"]</c>.</summary>
    public IReadOnlyList<string> Elements
    {
        get
        {
            var result = new string[Depth];
            var p = this;
            for (var i = result.Length - 1; i >= 0; i--) { result[i] = p.Name; p = p._parent!; }
            return result;
        }
    }

    /// <summary>Creates a child path; throws <see cref="InvalidActorNameException"/> for an invalid element.</summary>
    public ActorPath Child(string name)
    {
        if (!IsValidElement(name)) { throw new InvalidActorNameException($"Invalid path element '{name}': it must be non-empty and must not contain '/', '#', '?' or whitespace."); }
        return new ActorPath(Address, this, name, 0);
    }

    internal ActorPath ChildUnchecked(string name, long uid) => new(Address, this, name, uid);

    /// <summary>Creates a child path.</summary>
    public static ActorPath operator /(ActorPath path, string name) => path.Child(name);

    /// <summary>Returns a copy carrying the given incarnation uid.</summary>
    public ActorPath WithUid(long uid) => uid == Uid ? this : new ActorPath(Address, _parent, Name, uid);

    /// <summary>Formats as <c>iot://system/user/a</c>.</summary>
    public override string ToString() => Format(Address, false);

    /// <summary>Formats without the address, e.g. <c>/user/a</c>.</summary>
    public string ToStringWithoutAddress()
    {
        if (_parent is null) { return "/"; }
        var sb = new StringBuilder();
        AppendElements(sb);
        return sb.ToString();
    }

    /// <summary>Formats with the given address instead of this path's (e.g. the remoting address).</summary>
    public string ToStringWithAddress(Address address) => Format(address, false);

    /// <summary>Formats with address and <c>#uid</c> suffix, the form sent over the wire.</summary>
    public string ToSerializationFormat() => Format(Address, true);

    /// <summary>Formats with the given address and <c>#uid</c> suffix.</summary>
    public string ToSerializationFormatWithAddress(Address address) => Format(address, true);

    private string Format(Address address, bool withUid)
    {
        var sb = new StringBuilder(address.ToString());
        if (_parent is null) { sb.Append('/'); } else { AppendElements(sb); }
        if (withUid && Uid != 0) { sb.Append('#').Append(Uid.ToString(CultureInfo.InvariantCulture)); }
        return sb.ToString();
    }

    private void AppendElements(StringBuilder sb)
    {
        if (_parent is null) { return; }
        _parent.AppendElements(sb);
        sb.Append('/').Append(Name);
    }

    /// <summary>Parses <c>iot://system[@host:port]/a/b[#uid]</c>; throws <see cref="FormatException"/> with the reason.</summary>
    public static ActorPath Parse(string text)
    {
        if (!TryParse(text, out var path, out var error)) { throw new FormatException($"Invalid actor path '{text}': {error}."); }
        return path;
    }

    /// <summary>Tries to parse an absolute actor path.</summary>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ActorPath? path)
        => TryParse(text, out path, out _);

    internal static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ActorPath? path, out string error)
    {
        path = null;
        if (string.IsNullOrEmpty(text)) { error = "empty"; return false; }
        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0) { error = "missing 'protocol://'"; return false; }
        var slash = text.IndexOf('/', schemeEnd + 3);
        var addressText = slash < 0 ? text : text[..slash];
        if (!Address.TryParse(addressText, out var address, out error)) { return false; }
        path = Root(address);
        if (slash < 0) { return true; }
        var rest = text[(slash + 1)..];
        long uid = 0;
        var hash = rest.IndexOf('#');
        if (hash >= 0)
        {
            if (!long.TryParse(rest.AsSpan(hash + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out uid))
            {
                error = $"invalid uid '{rest[(hash + 1)..]}'";
                path = null;
                return false;
            }
            rest = rest[..hash];
        }
        if (rest.Length == 0) { path = path.WithUid(uid); return true; }
        var parts = rest.Split('/');
        for (var i = 0; i < parts.Length; i++)
        {
            if (!IsValidElement(parts[i]))
            {
                error = $"invalid path element '{parts[i]}' at position {i}";
                path = null;
                return false;
            }
            path = path.ChildUnchecked(parts[i], i == parts.Length - 1 ? uid : 0);
        }
        return true;
    }

    internal static bool IsValidElement(string? name)
    {
        if (string.IsNullOrEmpty(name)) { return false; }
        foreach (var c in name)
        {
            if (c is '/' or '#' or '?' || char.IsWhiteSpace(c) || char.IsControl(c)) { return false; }
        }
        return true;
    }

    internal static bool IsValidSystemName(string? name)
    {
        if (string.IsNullOrEmpty(name)) { return false; }
        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')) { return false; }
        }
        return true;
    }

    /// <inheritdoc />
    public bool Equals(ActorPath? other)
    {
        if (ReferenceEquals(this, other)) { return true; }
        if (other is null) { return false; }
        var a = this;
        var b = other;
        while (a._parent is not null && b._parent is not null)
        {
            if (ReferenceEquals(a, b)) { return true; }
            if (!string.Equals(a.Name, b.Name, StringComparison.Ordinal)) { return false; }
            a = a._parent;
            b = b._parent;
        }
        return a._parent is null && b._parent is null && a.Address.Equals(b.Address);
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ActorPath p && Equals(p);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var h = new HashCode();
        for (var p = this; p._parent is not null; p = p._parent) { h.Add(p.Name, StringComparer.Ordinal); }
        return h.ToHashCode();
    }
}
