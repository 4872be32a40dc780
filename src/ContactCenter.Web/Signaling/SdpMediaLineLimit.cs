namespace ContactCenter.Web.Signaling;

/// <summary>
/// Bounds the m-lines of a client's offer before any parser sees it: each m-line would become a negotiated line,
/// codecs and an answer line, so a 1 MB offer of bare m-lines must be refused on its text.
/// </summary>
internal static class SdpMediaLineLimit
{
    /// <summary>The m-lines of <paramref name="sdp"/> (lines that start with <c>m=</c>), counting no further than <paramref name="stopAfter"/>.</summary>
    public static int Count(ReadOnlySpan<char> sdp, int stopAfter)
    {
        int count = 0;
        int start = 0;
        while (start < sdp.Length && count <= stopAfter)
        {
            if (sdp.Length - start >= 2 && sdp[start] == 'm' && sdp[start + 1] == '=')
            {
                count++;
            }

            int newline = sdp[start..].IndexOf('\n');
            if (newline < 0)
            {
                break;
            }

            start += newline + 1;
        }

        return count;
    }

    /// <summary>Throws <see cref="SignalingRefusedException"/> naming the limit when the offer has more than <paramref name="max"/> m-lines.</summary>
    public static void Check(string sdp, int max)
    {
        if (Count(sdp, max) > max)
        {
            throw new SignalingRefusedException(
                $"The offer has more than {max} m-lines; at most {max} are allowed in one offer (Limits:SdpMediaLines).");
        }
    }
}
