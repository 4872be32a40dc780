namespace ContactCenter.Core.Services;

/// <summary>
/// Serializes the mutations of one session (and of one participant) within this process, so that two concurrent
/// joins cannot both see 19 members and make 21. A multi-node deployment needs the store's concurrency check too.
/// <para>
/// Lock order, to rule out deadlock: a participant's lock before a session's lock, and at most one of each.
/// Take the locks before reading the entities they guard, so that the reads see the previous holder's commit.
/// </para>
/// </summary>
public sealed class SessionLocks
{
    private readonly Dictionary<string, Gate> _gates = new(StringComparer.Ordinal);

    /// <summary>Gates currently held or awaited; entries go away with their last user.</summary>
    internal int ActiveCount
    {
        get
        {
            lock (_gates)
            {
                return _gates.Count;
            }
        }
    }

    /// <summary>Holds the session's mutations until the returned lease is disposed.</summary>
    public Task<IDisposable> LockSessionAsync(string sessionId, CancellationToken ct = default) => AcquireAsync("s:" + sessionId, ct);

    /// <summary>Holds the participant's membership changes until the returned lease is disposed. Take it before a session lock.</summary>
    public Task<IDisposable> LockParticipantAsync(string participantId, CancellationToken ct = default) => AcquireAsync("p:" + participantId, ct);

    private async Task<IDisposable> AcquireAsync(string key, CancellationToken ct)
    {
        Gate gate;
        lock (_gates)
        {
            if (!_gates.TryGetValue(key, out gate!))
            {
                gate = new Gate();
                _gates.Add(key, gate);
            }

            gate.Users++;
        }

        try
        {
            await gate.Semaphore.WaitAsync(ct).ConfigureAwait(false);
        }
        catch
        {
            Forget(key, gate);
            throw;
        }

        return new Lease(this, key, gate);
    }

    private void Forget(string key, Gate gate)
    {
        lock (_gates)
        {
            if (--gate.Users == 0)
            {
                _gates.Remove(key);
            }
        }
    }

    private sealed class Gate
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }
    }

    private sealed class Lease(SessionLocks owner, string key, Gate gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Semaphore.Release();
                owner.Forget(key, gate);
            }
        }
    }
}
