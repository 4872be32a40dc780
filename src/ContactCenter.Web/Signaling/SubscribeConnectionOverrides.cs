using System.Collections.Concurrent;
using ContactCenter.Media.Routing;

namespace ContactCenter.Web.Signaling;

/// <summary>
/// Which participants receive through something other than the router's single server-offered subscribe connection:
/// a front door whose clients offer a connection per received stream (Bandwidth device protocol v2) registers a
/// factory here for its participant before it joins, and the router's subscribe factory asks here first.
/// </summary>
public sealed class SubscribeConnectionOverrides
{
    private readonly ConcurrentDictionary<string, Func<SfuParticipant, ISubscribeConnection>> _factories = new(StringComparer.Ordinal);

    /// <summary>Sets (or, with null, clears) the factory for <paramref name="participantId"/>'s next subscribe connection.</summary>
    public void Set(string participantId, Func<SfuParticipant, ISubscribeConnection>? factory)
    {
        if (factory is null)
        {
            _factories.TryRemove(participantId, out _);
        }
        else
        {
            _factories[participantId] = factory;
        }
    }

    /// <summary>Clears the entry only if it is still <paramref name="factory"/> (a newer connection may have replaced it).</summary>
    public void Clear(string participantId, Func<SfuParticipant, ISubscribeConnection> factory) =>
        _factories.TryRemove(new KeyValuePair<string, Func<SfuParticipant, ISubscribeConnection>>(participantId, factory));

    /// <summary>The registered connection for <paramref name="participant"/>, or null for the default one.</summary>
    public ISubscribeConnection? TryCreate(SfuParticipant participant) =>
        _factories.TryGetValue(participant.Id, out var factory) ? factory(participant) : null;
}
