namespace ContactCenter.Core.Agents;

/// <summary>An in-process <see cref="IDtmfFeed"/>: digits go to whoever listens to that call at that moment.</summary>
internal sealed class DtmfFeed : IDtmfFeed
{
    private readonly Dictionary<string, List<Action<char>>> _listeners = new(StringComparer.Ordinal);

    public IDisposable Subscribe(string callId, Action<char> onDigit)
    {
        lock (_listeners)
        {
            if (!_listeners.TryGetValue(callId, out var list))
            {
                _listeners[callId] = list = [];
            }

            list.Add(onDigit);
        }

        return new Subscription(this, callId, onDigit);
    }

    public void Publish(string callId, char digit)
    {
        Action<char>[] targets;
        lock (_listeners)
        {
            targets = _listeners.TryGetValue(callId, out var list) ? list.ToArray() : [];
        }

        foreach (var target in targets)
        {
            target(digit);
        }
    }

    private void Unsubscribe(string callId, Action<char> onDigit)
    {
        lock (_listeners)
        {
            if (_listeners.TryGetValue(callId, out var list) && list.Remove(onDigit) && list.Count == 0)
            {
                _listeners.Remove(callId);
            }
        }
    }

    private sealed class Subscription(DtmfFeed feed, string callId, Action<char> onDigit) : IDisposable
    {
        public void Dispose() => feed.Unsubscribe(callId, onDigit);
    }
}
