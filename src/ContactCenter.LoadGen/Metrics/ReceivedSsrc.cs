namespace ContactCenter.LoadGen.Metrics;

/// <summary>
/// What one receiving peer saw on one SSRC: packets, SRTP authentication failures, and how often the 16-bit RTP
/// sequence number wrapped, counted as RFC 3550 Appendix A.1 counts cycles (an in-order sequence number below the
/// highest one seen starts a new cycle; a late packet from before the wrap does not). One receive loop owns it;
/// readers may see slightly stale values.
/// </summary>
internal sealed class ReceivedSsrc(uint ssrc)
{
    /// <summary>RFC 3550 A.1 MAX_DROPOUT-style bound: a forward jump of less than half the space is in order.</summary>
    private const int HalfSpace = 0x8000;
    private bool _started;
    private ushort _highest;

    public uint Ssrc { get; } = ssrc;

    /// <summary>The sender's stream id from the payload stamp, or -1 until one authenticated packet arrived.</summary>
    public int StreamId { get; set; } = -1;

    public long Packets { get; private set; }

    public int Wraps { get; private set; }

    public long AuthFailures { get; private set; }

    /// <summary>Packets whose RTP sequence number is not the low 16 bits of the sender's counter (the SFU renumbered).</summary>
    public long Renumbered { get; private set; }

    public void Record(ushort sequence, uint sentSequence)
    {
        Packets++;
        if (sequence != (ushort)sentSequence)
        {
            Renumbered++;
        }

        if (!_started)
        {
            _started = true;
            _highest = sequence;
            return;
        }

        int forward = (ushort)(sequence - _highest);
        if (forward != 0 && forward < HalfSpace)
        {
            if (sequence < _highest)
            {
                Wraps++;
            }

            _highest = sequence;
        }
    }

    public void CountAuthFailure() => AuthFailures++;

    /// <summary>Forgets the counts (after the warm-up); the SSRC and stream stay known.</summary>
    public void Reset()
    {
        _started = false;
        Packets = 0;
        Wraps = 0;
        AuthFailures = 0;
        Renumbered = 0;
    }
}
