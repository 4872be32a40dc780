using System.Net;

namespace ContactCenter.Media.Transport;

/// <summary>
/// Bounds the DTLS handshakes running at once on this node and per remote IP address. Each handshake holds a thread
/// (BouncyCastle blocks) for up to <see cref="MediaTransportOptions.DtlsHandshakeTimeout"/>, so many peers reaching
/// DTLS at once must not each start one. A peer over a cap is not refused: it waits, in arrival order, and is asked to
/// start again whenever a slot frees (its remote's retransmitted flights wait in its bounded channel meanwhile).
/// Only a peer that signaling created and whose remote passed an authenticated STUN check ever asks for a slot.
/// </summary>
internal sealed class DtlsHandshakeSlots
{
    private readonly object _gate = new();
    private readonly Dictionary<IPAddress, int> _perAddress = [];
    private readonly List<(object Waiter, Action Retry)> _waiting = [];
    private readonly int _max;
    private readonly int _maxPerAddress;
    private int _running;

    public DtlsHandshakeSlots(int max, int maxPerAddress)
    {
        _max = Math.Max(1, max);
        _maxPerAddress = Math.Max(1, maxPerAddress);
    }

    /// <summary>Handshakes holding a slot now.</summary>
    public int Running
    {
        get
        {
            lock (_gate)
            {
                return _running;
            }
        }
    }

    /// <summary>Peers waiting for a slot.</summary>
    public int Waiting
    {
        get
        {
            lock (_gate)
            {
                return _waiting.Count;
            }
        }
    }

    /// <summary>A slot for a handshake with <paramref name="address"/>; false puts <paramref name="peer"/> in the queue (once).</summary>
    public bool TryAcquire(object peer, Action retry, IPAddress address)
    {
        lock (_gate)
        {
            _perAddress.TryGetValue(address, out int ofAddress);
            if (_running < _max && ofAddress < _maxPerAddress)
            {
                _running++;
                _perAddress[address] = ofAddress + 1;
                _waiting.RemoveAll(w => ReferenceEquals(w.Waiter, peer));
                return true;
            }

            if (!_waiting.Exists(w => ReferenceEquals(w.Waiter, peer)))
            {
                _waiting.Add((peer, retry));
            }

            return false;
        }
    }

    /// <summary>A handshake ended (either way): its slot frees and the waiting peers try again, oldest first.</summary>
    public void Release(IPAddress address)
    {
        (object Waiter, Action Retry)[] retry;
        lock (_gate)
        {
            _running--;
            if (_perAddress.TryGetValue(address, out int ofAddress))
            {
                if (ofAddress <= 1)
                {
                    _perAddress.Remove(address);
                }
                else
                {
                    _perAddress[address] = ofAddress - 1;
                }
            }

            retry = _waiting.Count == 0 ? [] : [.. _waiting];
        }

        foreach (var waiting in retry)
        {
            waiting.Retry();
        }
    }

    /// <summary>The peer closed: it no longer waits.</summary>
    public void Forget(object peer)
    {
        lock (_gate)
        {
            _waiting.RemoveAll(w => ReferenceEquals(w.Waiter, peer));
        }
    }
}
