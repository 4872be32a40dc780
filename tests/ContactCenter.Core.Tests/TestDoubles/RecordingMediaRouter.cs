using ContactCenter.Core.Routing;

namespace ContactCenter.Core.Tests.TestDoubles;

/// <summary>An <see cref="IMediaRouter"/> that records every call and keeps each session's current edges.</summary>
internal sealed class RecordingMediaRouter : IMediaRouter
{
    private readonly object _gate = new();
    private readonly List<(string SessionId, IReadOnlyList<ForwardingEdge> Edges)> _applied = [];
    private readonly List<string> _removed = [];

    public IReadOnlyList<(string SessionId, IReadOnlyList<ForwardingEdge> Edges)> Applied
    {
        get
        {
            lock (_gate)
            {
                return _applied.ToList();
            }
        }
    }

    public IReadOnlyList<string> RemovedSessions
    {
        get
        {
            lock (_gate)
            {
                return _removed.ToList();
            }
        }
    }

    /// <summary>Runs before each Apply, outside the recorder's lock (a test may block one session's apply here).</summary>
    public Action<string>? BeforeApply { get; set; }

    public void Apply(string sessionId, IReadOnlyCollection<ForwardingEdge> edges)
    {
        BeforeApply?.Invoke(sessionId);
        lock (_gate)
        {
            _applied.Add((sessionId, edges.ToList()));
        }
    }

    public void RemoveSession(string sessionId)
    {
        lock (_gate)
        {
            _removed.Add(sessionId);
        }
    }

    /// <summary>The edges of the last Apply for the session, as "publisher/alias -> subscriber" strings.</summary>
    public IReadOnlyList<string> CurrentEdges(string sessionId)
    {
        lock (_gate)
        {
            var last = _applied.FindLast(a => a.SessionId == sessionId);
            return last.Edges is null ? [] : last.Edges.Select(e => e.ToString()).ToList();
        }
    }
}
