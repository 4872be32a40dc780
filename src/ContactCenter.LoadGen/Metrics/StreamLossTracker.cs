namespace ContactCenter.LoadGen.Metrics;

/// <summary>
/// Loss accounting for one stream at one receiver, from the 32-bit sequence in <see cref="PayloadStamp"/>.
/// A 1,024-packet bitmap behind the highest sequence seen tells a late (reordered) packet from a duplicate.
/// Expected = highest − first + 1; lost = expected − unique. Packets older than the window count as too late
/// (and stay counted as lost). One receive loop owns each tracker; readers may see slightly stale values.
/// </summary>
internal sealed class StreamLossTracker
{
    public const int Window = 1024;
    private readonly ulong[] _bits = new ulong[Window / 64];
    private long _first = -1;
    private long _highest = -1;
    private long _lastArrivalTicks;

    public long Unique { get; private set; }

    public long Duplicates { get; private set; }

    public long TooLate { get; private set; }

    public long Reordered { get; private set; }

    public long Expected => _first < 0 ? 0 : _highest - _first + 1;

    public long Lost => Math.Max(0, Expected - Unique);

    /// <summary>
    /// The <see cref="System.Diagnostics.Stopwatch"/> timestamp of the newest packet of this stream at this receiver
    /// (0 before the first); any thread may read it. It survives <see cref="Reset"/>: the churn scenario reads it to
    /// find when a removed edge's last packet arrived.
    /// </summary>
    public long LastArrivalTicks => Volatile.Read(ref _lastArrivalTicks);

    /// <summary>Counts <paramref name="sequence"/> and stamps its arrival time.</summary>
    public void Record(uint sequence, long arrivalTicks)
    {
        Record(sequence);
        Volatile.Write(ref _lastArrivalTicks, arrivalTicks);
    }

    public void Record(uint sequence)
    {
        long seq = sequence;
        if (_first < 0)
        {
            _first = seq;
            _highest = seq;
            SetBit(seq);
            Unique = 1;
            return;
        }

        if (seq > _highest)
        {
            long gap = seq - _highest;
            if (gap >= Window)
            {
                Array.Clear(_bits);
            }
            else
            {
                for (long s = _highest + 1; s < seq; s++)
                {
                    ClearBit(s);
                }
            }

            _highest = seq;
            SetBit(seq);
            Unique++;
            return;
        }

        if (seq < _first || _highest - seq >= Window)
        {
            TooLate++;
            return;
        }

        if (TestBit(seq))
        {
            Duplicates++;
            return;
        }

        SetBit(seq);
        Unique++;
        Reordered++;
    }

    /// <summary>Forgets everything: the next packet starts the count (after the warm-up).</summary>
    public void Reset()
    {
        Array.Clear(_bits);
        _first = -1;
        _highest = -1;
        Unique = 0;
        Duplicates = 0;
        TooLate = 0;
        Reordered = 0;
    }

    private void SetBit(long seq) => _bits[(seq / 64) % _bits.Length] |= 1UL << (int)(seq % 64);

    private void ClearBit(long seq) => _bits[(seq / 64) % _bits.Length] &= ~(1UL << (int)(seq % 64));

    private bool TestBit(long seq) => (_bits[(seq / 64) % _bits.Length] & (1UL << (int)(seq % 64))) != 0;
}
