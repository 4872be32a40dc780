namespace ContactCenter.Core.Monitoring;

/// <summary>
/// The live edges of a session and their packet counters, for the who-hears-whom matrix. The SFU implements it
/// from its forwarding table; until then the host answers from the planned subscriptions without counters.
/// </summary>
public interface IMediaSnapshotSource
{
    /// <summary>True when the counters are measured (the matrix then tells "planned" from "flowing").</summary>
    bool HasCounters { get; }

    Task<IReadOnlyList<MediaEdgeSnapshot>> GetEdgesAsync(string sessionId, CancellationToken ct = default);
}
