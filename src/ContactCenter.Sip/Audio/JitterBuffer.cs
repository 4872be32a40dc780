namespace ContactCenter.Sip.Audio;

/// <summary>What <see cref="JitterBuffer.Pop"/> produced for this tick.</summary>
public enum JitterResult
{
    /// <summary>Nothing to play (not primed yet, or the stream paused): contribute silence.</summary>
    Empty,
    /// <summary>A frame was copied out.</summary>
    Frame,
    /// <summary>The expected frame is missing but later ones exist: conceal (Opus PLC) and move on.</summary>
    Missing,
}

/// <summary>
/// A small fixed-size jitter buffer for one RTP stream: reorders by sequence number (16-bit wrap aware,
/// RFC 3550 §A.1), drops late and duplicate packets, and reports gaps so the decoder can conceal them.
/// Payload storage is preallocated; nothing is allocated per packet.
/// </summary>
public sealed class JitterBuffer
{
    private readonly byte[][] _payloads;
    private readonly int[] _lengths;
    private readonly ushort[] _sequences;
    private readonly bool[] _filled;
    private readonly int _startDepth;
    private int _count;
    private bool _started;
    private ushort _next;

    public JitterBuffer(int capacity = 5, int startDepth = 2, int maxPayloadBytes = 1500)
    {
        if (capacity < 2 || startDepth < 1 || startDepth > capacity)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity));
        }
        _payloads = new byte[capacity][];
        for (var i = 0; i < capacity; i++)
        {
            _payloads[i] = new byte[maxPayloadBytes];
        }
        _lengths = new int[capacity];
        _sequences = new ushort[capacity];
        _filled = new bool[capacity];
        _startDepth = startDepth;
    }

    public int Count => _count;
    public long Late { get; private set; }
    public long Duplicates { get; private set; }

    /// <summary>Stores a packet; false when it was late, duplicate or too large.</summary>
    public bool Push(ushort sequence, ReadOnlySpan<byte> payload)
    {
        if (payload.Length > _payloads[0].Length)
        {
            return false;
        }
        var capacity = _payloads.Length;
        if (!_started && _count == 0)
        {
            _next = sequence;
        }
        var ahead = (short)(sequence - _next);
        if (ahead < 0)
        {
            if (_started)
            {
                Late++;
                return false;
            }
            // Before playout starts, an earlier packet simply becomes the first one to play.
            if (-ahead + MaxAhead() >= capacity)
            {
                Late++;
                return false;
            }
            _next = sequence;
        }
        else if (ahead >= capacity)
        {
            // The stream jumped forward beyond our window: drop what is too old to ever play.
            var newNext = (ushort)(sequence - capacity + 1);
            for (var s = _next; s != newNext; s++)
            {
                Clear(s);
            }
            _next = newNext;
        }
        var slot = sequence % capacity;
        if (_filled[slot] && _sequences[slot] == sequence)
        {
            Duplicates++;
            return false;
        }
        if (_filled[slot])
        {
            _count--;
        }
        payload.CopyTo(_payloads[slot]);
        _lengths[slot] = payload.Length;
        _sequences[slot] = sequence;
        _filled[slot] = true;
        _count++;
        if (!_started && _count >= _startDepth)
        {
            _started = true;
        }
        return true;
    }

    /// <summary>Takes the next frame in sequence order; once per 20 ms tick.</summary>
    public JitterResult Pop(Span<byte> destination, out int length)
    {
        length = 0;
        if (!_started)
        {
            return JitterResult.Empty;
        }
        if (_count == 0)
        {
            // Underrun: the sender paused (DTX, mute, hold). Re-prime before playing again.
            _started = false;
            return JitterResult.Empty;
        }
        var slot = _next % _payloads.Length;
        var sequence = _next;
        _next++;
        if (_filled[slot] && _sequences[slot] == sequence)
        {
            length = _lengths[slot];
            _payloads[slot].AsSpan(0, length).CopyTo(destination);
            _filled[slot] = false;
            _count--;
            return JitterResult.Frame;
        }
        return JitterResult.Missing;
    }

    private int MaxAhead()
    {
        var max = 0;
        for (var i = 0; i < _filled.Length; i++)
        {
            if (_filled[i])
            {
                max = Math.Max(max, (short)(_sequences[i] - _next));
            }
        }
        return max;
    }

    private void Clear(ushort sequence)
    {
        var slot = sequence % _payloads.Length;
        if (_filled[slot] && _sequences[slot] == sequence)
        {
            _filled[slot] = false;
            _count--;
        }
    }
}
