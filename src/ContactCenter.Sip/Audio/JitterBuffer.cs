namespace ContactCenter.Sip.Audio;

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
    private readonly int _window;
    private readonly int _mask;
    private int _count;
    private bool _started;
    private ushort _next;

    public JitterBuffer(int capacity = 5, int startDepth = 2, int maxPayloadBytes = 1500)
    {
        if (capacity < 2 || startDepth < 1 || startDepth > capacity)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity));
        }
        // Slots are a power of two so that "sequence & mask" stays continuous across the 16-bit wrap.
        var slots = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)capacity);
        _window = capacity;
        _mask = slots - 1;
        _payloads = new byte[slots][];
        for (var i = 0; i < slots; i++)
        {
            _payloads[i] = new byte[maxPayloadBytes];
        }
        _lengths = new int[slots];
        _sequences = new ushort[slots];
        _filled = new bool[slots];
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
        var capacity = _window;
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
            // The stream jumped beyond the window (sender restart, long loss): resynchronise on the new packet.
            Array.Clear(_filled);
            _count = 0;
            _started = false;
            _next = sequence;
        }
        var slot = sequence & _mask;
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
        var slot = _next & _mask;
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
}
