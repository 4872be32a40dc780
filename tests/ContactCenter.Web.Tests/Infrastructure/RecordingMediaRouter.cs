using ContactCenter.Core.Routing;

namespace ContactCenter.Web.Tests.Infrastructure;

/// <summary>An <see cref="IMediaRouter"/> that remembers what the control plane handed it.</summary>
public sealed class RecordingMediaRouter : IMediaRouter
{
    private readonly List<(string SessionId, IReadOnlyCollection<ForwardingEdge> Edges)> _applied = [];
    private readonly List<string> _removed = [];

    public void Apply(string sessionId, IReadOnlyCollection<ForwardingEdge> edges)
    {
        lock (_applied)
        {
            _applied.Add((sessionId, edges.ToList()));
        }
    }

    public void RemoveSession(string sessionId)
    {
        lock (_applied)
        {
            _removed.Add(sessionId);
        }
    }

    /// <summary>The edge set last applied to the session, or null when none was.</summary>
    public IReadOnlyCollection<ForwardingEdge>? LastEdges(string sessionId)
    {
        lock (_applied)
        {
            return _applied.LastOrDefault(a => a.SessionId == sessionId).Edges;
        }
    }

    public int ApplyCount(string sessionId)
    {
        lock (_applied)
        {
            return _applied.Count(a => a.SessionId == sessionId);
        }
    }

    public bool WasRemoved(string sessionId)
    {
        lock (_applied)
        {
            return _removed.Contains(sessionId);
        }
    }
}
