using System.Numerics;

namespace ContactCenter.LoadGen.Metrics;

/// <summary>
/// A log-linear histogram of microsecond values: exact below 64 µs, then 32 sub-buckets per power of two
/// (relative error at most 1/32). Recording is one interlocked increment, so the receive loops of every
/// client share one instance without allocating or locking.
/// </summary>
internal sealed class LatencyHistogram
{
    private const int LinearLimit = 64;
    private const int SubBuckets = 32;
    private const int SubBucketBits = 5;
    private const int BucketCount = LinearLimit + (64 - 6) * SubBuckets;

    private readonly long[] _counts = new long[BucketCount];
    private long _total;
    private long _max;

    public long Count => Interlocked.Read(ref _total);

    public long MaxMicroseconds => Interlocked.Read(ref _max);

    public void Record(long microseconds)
    {
        if (microseconds < 0)
        {
            microseconds = 0; // one clock on loopback: negative only from rounding
        }

        Interlocked.Increment(ref _counts[IndexOf((ulong)microseconds)]);
        Interlocked.Increment(ref _total);
        long max = Interlocked.Read(ref _max);
        while (microseconds > max)
        {
            long seen = Interlocked.CompareExchange(ref _max, microseconds, max);
            if (seen == max)
            {
                break;
            }

            max = seen;
        }
    }

    /// <summary>The upper edge of the bucket holding the given percentile (0–100); 0 when empty.</summary>
    public long Percentile(double percentile)
    {
        long total = Count;
        if (total == 0)
        {
            return 0;
        }

        long rank = Math.Max(1, (long)Math.Ceiling(total * Math.Clamp(percentile, 0, 100) / 100.0));
        long seen = 0;
        for (int i = 0; i < _counts.Length; i++)
        {
            seen += Interlocked.Read(ref _counts[i]);
            if (seen >= rank)
            {
                return Math.Min(UpperBound(i), MaxMicroseconds);
            }
        }

        return MaxMicroseconds;
    }

    public void Reset()
    {
        for (int i = 0; i < _counts.Length; i++)
        {
            Interlocked.Exchange(ref _counts[i], 0);
        }

        Interlocked.Exchange(ref _total, 0);
        Interlocked.Exchange(ref _max, 0);
    }

    internal static int IndexOf(ulong value)
    {
        if (value < LinearLimit)
        {
            return (int)value;
        }

        int msb = 63 - BitOperations.LeadingZeroCount(value);
        int shift = msb - SubBucketBits;
        return LinearLimit + (msb - 6) * SubBuckets + (int)((value >> shift) - SubBuckets);
    }

    /// <summary>The largest value that lands in bucket <paramref name="index"/>.</summary>
    internal static long UpperBound(int index)
    {
        if (index < LinearLimit)
        {
            return index;
        }

        int octave = (index - LinearLimit) / SubBuckets;
        int sub = (index - LinearLimit) % SubBuckets;
        int shift = octave + 6 - SubBucketBits;
        return (((long)(sub + SubBuckets + 1)) << shift) - 1;
    }
}
