namespace ContactCenter.Media.Rtcp;

/// <summary>Picture Loss Indication (PSFB FMT 1, RFC 4585 §6.3.1): no FCI.</summary>
internal readonly struct RtcpPli
{
    public const int Length = 12;

    private RtcpPli(uint senderSsrc, uint mediaSsrc)
    {
        SenderSsrc = senderSsrc;
        MediaSsrc = mediaSsrc;
    }

    public uint SenderSsrc { get; }
    public uint MediaSsrc { get; }

    public static bool TryParse(ReadOnlySpan<byte> packet, out RtcpPli pli)
    {
        if (RtcpFeedback.TryParse(packet, RtcpPacketType.PayloadSpecificFeedback, RtcpPacketType.FormatPli,
                out uint sender, out uint media, out _))
        {
            pli = new RtcpPli(sender, media);
            return true;
        }

        pli = default;
        return false;
    }

    /// <summary>Writes a PLI asking <paramref name="mediaSsrc"/>'s sender for a key frame. Returns 12, or 0 if it does not fit.</summary>
    public static int Write(Span<byte> destination, uint senderSsrc, uint mediaSsrc)
    {
        if (destination.Length < Length)
        {
            return 0;
        }

        RtcpFeedback.WriteHeader(destination, RtcpPacketType.PayloadSpecificFeedback, RtcpPacketType.FormatPli, Length, senderSsrc, mediaSsrc);
        return Length;
    }
}
