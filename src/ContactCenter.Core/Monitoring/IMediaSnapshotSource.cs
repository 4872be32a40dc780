namespace ContactCenter.Core.Monitoring;

/// <summary>
/// The live edges of a session and their packet counters, for the who-hears-whom matrix. The SFU implements it
/// from its forwarding table; until then the host answers from the planned subscriptions without counters.
/// </summary>
public interface IMediaSnapshotSource
{
    /// <summary>True when the counters are measured (the matrix then tells "planned" from "flowing").</summary>
    bool HasCounters { get; }

    /// <summary>
    /// Raised with the session id after that session's edges changed, so a view re-reads one session when it
    /// changes instead of polling. It may be raised on any thread, and a handler must not block or throw: it runs on
    /// the thread that changed the edges. A source that cannot tell (the planned edges) never raises it; its views
    /// follow the call center's own changes.
    /// </summary>
    event Action<string>? EdgesChanged
    {
        add { }
        remove { }
    }

    Task<IReadOnlyList<MediaEdgeSnapshot>> GetEdgesAsync(string sessionId, CancellationToken ct = default);
}
