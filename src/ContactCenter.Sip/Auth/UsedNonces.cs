using System.Collections.Concurrent;

namespace ContactCenter.Sip.Auth;

/// <summary>
/// The digest nonces already answered, each kept until it would have expired anyway, so a captured
/// Authorization cannot be replayed (RFC 7616 §5.10). Only successful authentications add entries, so
/// an attacker without the password cannot grow it; it is bounded all the same, and when full (even after
/// dropping expired entries) a nonce is refused rather than accepted.
/// </summary>
internal sealed class UsedNonces(TimeProvider time, TimeSpan lifetime, int capacity)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _used = new(StringComparer.Ordinal);
    private readonly object _purgeLock = new();

    public int Count => _used.Count;

    /// <summary>Marks the nonce used; false when it was used before (a replay) or there is no room.</summary>
    public bool TryConsume(string nonce, DateTimeOffset issued)
    {
        if (_used.Count >= capacity)
        {
            Purge();
            if (_used.Count >= capacity)
            {
                return false;
            }
        }
        return _used.TryAdd(nonce, issued);
    }

    private void Purge()
    {
        lock (_purgeLock)
        {
            var now = time.GetUtcNow();
            foreach (var (nonce, issued) in _used)
            {
                if (now - issued > lifetime)
                {
                    _used.TryRemove(nonce, out _);
                }
            }
        }
    }
}
