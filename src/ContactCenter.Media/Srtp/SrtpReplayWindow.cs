namespace ContactCenter.Media.Srtp;

/// <summary>
/// Highest authenticated index and a 64-entry replay bitmap for one SSRC (RFC 3711 §3.3.2). For SRTP the
/// index is the 48-bit ROC·2^16 + SEQ; for SRTCP the 31-bit SRTCP index.
/// </summary>
internal struct SrtpReplayWindow
{
    public const int Size = 64;

    public ulong Highest;
    public ulong Bitmap;

    /// <summary>A window that has seen nothing yet but expects <paramref name="first"/> next.</summary>
    public static SrtpReplayWindow StartingAt(ulong first) => new() { Highest = first, Bitmap = 0 };

    public readonly bool IsReplayOrTooOld(ulong index)
    {
        if (index > Highest)
        {
            return false;
        }

        ulong delta = Highest - index;
        return delta >= Size || ((Bitmap >> (int)delta) & 1) != 0;
    }

    /// <summary>Records an authenticated index. Call only after authentication succeeded.</summary>
    public void Accept(ulong index)
    {
        if (index > Highest)
        {
            ulong shift = index - Highest;
            Bitmap = shift >= Size ? 1 : (Bitmap << (int)shift) | 1;
            Highest = index;
        }
        else
        {
            Bitmap |= 1UL << (int)(Highest - index);
        }
    }

    /// <summary>
    /// The 48-bit packet index of <paramref name="sequence"/> given the highest index seen (RFC 3711 §3.3.1
    /// and Appendix A). False when the guess would need a negative or overflowing ROC.
    /// </summary>
    public static bool TryEstimateIndex(ulong highest, ushort sequence, out ulong index)
    {
        long roc = (long)(highest >> 16);
        int highestSequence = (int)(highest & 0xFFFF);
        long guess;
        if (highestSequence < 32768)
        {
            guess = sequence - highestSequence > 32768 ? roc - 1 : roc;
        }
        else
        {
            guess = highestSequence - 32768 > sequence ? roc + 1 : roc;
        }

        if (guess < 0 || guess > uint.MaxValue)
        {
            index = 0;
            return false;
        }

        index = ((ulong)guess << 16) | sequence;
        return true;
    }
}
