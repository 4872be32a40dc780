namespace ContactCenter.Media.Sdp;

/// <summary>
/// A parsed session description (RFC 8866) in unified-plan form. Session-level lines are kept in order
/// (<see cref="Lines"/> for v/o/s/t/c/b/..., <see cref="Attributes"/> for a=), followed by the media sections.
/// Unknown lines and attributes survive a parse/write round trip unchanged.
/// </summary>
public sealed partial class SdpSessionDescription
{
    /// <summary>Session-level non-attribute lines in order, starting with v=, o=, s=.</summary>
    public List<SdpLine> Lines { get; } = [];

    public List<SdpAttribute> Attributes { get; } = [];

    public List<SdpMediaDescription> Media { get; } = [];

    /// <summary>The o= line's value.</summary>
    public string? Origin => Line('o');

    public string? Line(char type)
    {
        foreach (var line in Lines)
        {
            if (line.Type == type)
            {
                return line.Value;
            }
        }

        return null;
    }

    public string? Get(string name) => SdpAttributes.Get(Attributes, name);

    public IEnumerable<string> GetAll(string name) => SdpAttributes.GetAll(Attributes, name);

    public bool Has(string name) => SdpAttributes.Has(Attributes, name);

    public bool IsIceLite => Has("ice-lite");

    /// <summary>The mids of <c>a=group:BUNDLE</c> (RFC 9143 §7.1), or empty.</summary>
    public IReadOnlyList<string> BundleMids()
    {
        foreach (var group in GetAll("group"))
        {
            var parts = group.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length > 0 && parts[0] == "BUNDLE")
            {
                return parts[1..];
            }
        }

        return [];
    }

    /// <summary>A media-level attribute, falling back to the session level (ice-ufrag, fingerprint, setup...).</summary>
    public string? GetForMedia(SdpMediaDescription media, string name) => media.Get(name) ?? Get(name);
}
