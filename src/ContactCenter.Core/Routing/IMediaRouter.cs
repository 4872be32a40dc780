namespace ContactCenter.Core.Routing;

/// <summary>
/// The media plane as the control plane sees it. Every change of a session's forwarding edges is handed over
/// here as the complete new set; the implementation applies the difference atomically.
/// </summary>
public interface IMediaRouter
{
    /// <summary>Replaces the session's edges with <paramref name="edges"/> (the whole set, not a delta).</summary>
    void Apply(string sessionId, IReadOnlyCollection<ForwardingEdge> edges);

    /// <summary>The session is gone: drop every edge of it.</summary>
    void RemoveSession(string sessionId);
}
