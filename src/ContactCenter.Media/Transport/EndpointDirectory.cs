using System.Collections.Concurrent;

namespace ContactCenter.Media.Transport;

/// <summary>
/// The live endpoints of a transport, by id and by local ufrag (one ufrag per endpoint, two while an ICE restart
/// waits for its answer). STUN checks find their endpoint here whichever transport they arrived on. Safe for
/// concurrent readers and writers; the ufrag lookup takes a span and does not allocate.
/// </summary>
internal sealed class EndpointDirectory
{
    private readonly ConcurrentDictionary<string, IDatagramEndpoint> _byId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IDatagramEndpoint> _byUfrag = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IDatagramEndpoint>.AlternateLookup<ReadOnlySpan<char>> _byUfragSpan;

    public EndpointDirectory() => _byUfragSpan = _byUfrag.GetAlternateLookup<ReadOnlySpan<char>>();

    public int Count => _byId.Count;

    /// <summary>Adds an endpoint with its first local ufrag; false on a ufrag collision (nothing added then).</summary>
    public bool TryAdd(IDatagramEndpoint endpoint, string ufrag)
    {
        if (!_byUfrag.TryAdd(ufrag, endpoint))
        {
            return false;
        }

        _byId[endpoint.Id] = endpoint;
        return true;
    }

    /// <summary>Removes the endpoint by id while the entry still names it (its ufrags are removed by <see cref="RemoveUfrag"/>).</summary>
    public bool Remove(IDatagramEndpoint endpoint) =>
        _byId.TryRemove(new KeyValuePair<string, IDatagramEndpoint>(endpoint.Id, endpoint));

    public bool TryGet(string id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IDatagramEndpoint? endpoint) =>
        _byId.TryGetValue(id, out endpoint);

    /// <summary>Routes checks for another local ufrag of <paramref name="endpoint"/> (ICE restart); false on a collision.</summary>
    public bool AddUfrag(string ufrag, IDatagramEndpoint endpoint) => _byUfrag.TryAdd(ufrag, endpoint);

    /// <summary>Stops routing checks for <paramref name="ufrag"/> while it still names <paramref name="endpoint"/>.</summary>
    public void RemoveUfrag(string ufrag, IDatagramEndpoint endpoint) =>
        _byUfrag.TryRemove(new KeyValuePair<string, IDatagramEndpoint>(ufrag, endpoint));

    public bool TryGetByUfrag(ReadOnlySpan<char> ufrag, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IDatagramEndpoint? endpoint) =>
        _byUfragSpan.TryGetValue(ufrag, out endpoint);

    /// <summary>Every live endpoint (a moment's view; for the consent sweep and shutdown).</summary>
    public IEnumerable<IDatagramEndpoint> All => _byId.Values;
}
