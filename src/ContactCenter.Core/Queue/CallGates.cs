namespace ContactCenter.Core.Queue;

/// <summary>
/// One async gate per call: the operations on one call run one at a time (the second sees the first's result),
/// and operations on different calls never wait for each other. Entries go away with their last user.
/// </summary>
internal sealed class CallGates
{
    private readonly Dictionary<string, Gate> _gates = new(StringComparer.Ordinal);

    public int ActiveCount
    {
        get
        {
            lock (_gates)
            {
                return _gates.Count;
            }
        }
    }

    public async Task<IDisposable> EnterAsync(string callId, CancellationToken ct = default)
    {
        Gate gate;
        lock (_gates)
        {
            if (!_gates.TryGetValue(callId, out gate!))
            {
                gate = new Gate();
                _gates.Add(callId, gate);
            }

            gate.Users++;
        }

        try
        {
            await gate.Semaphore.WaitAsync(ct).ConfigureAwait(false);
        }
        catch
        {
            Forget(callId, gate);
            throw;
        }

        return new Lease(this, callId, gate);
    }

    private void Forget(string callId, Gate gate)
    {
        lock (_gates)
        {
            if (--gate.Users == 0)
            {
                _gates.Remove(callId);
                gate.Semaphore.Dispose();
            }
        }
    }

    private sealed class Gate
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }
    }

    private sealed class Lease(CallGates owner, string callId, Gate gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Semaphore.Release();
                owner.Forget(callId, gate);
            }
        }
    }
}
