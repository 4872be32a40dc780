namespace ContactCenter.Media.Routing;

/// <summary>
/// An immutable snapshot of where every published track goes. The router builds a new one under its lock and
/// publishes it with one volatile write; the packet path reads it without locking (RCU style).
/// </summary>
internal sealed class ForwardingTable(Dictionary<PublishedTrack, EdgeTarget[]> byTrack)
{
    public static ForwardingTable Empty { get; } = new([]);

    private readonly Dictionary<PublishedTrack, EdgeTarget[]> _byTrack = byTrack;

    public int TrackCount => _byTrack.Count;

    /// <summary>The targets of <paramref name="track"/>; empty when nobody receives it. Allocation-free.</summary>
    public EdgeTarget[] TargetsOf(PublishedTrack track) =>
        _byTrack.TryGetValue(track, out var targets) ? targets : [];
}
