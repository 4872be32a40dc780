using System.Buffers.Binary;

namespace ContactCenter.Media.Rtcp;

/// <summary>
/// Receiver Estimated Maximum Bitrate (PSFB FMT 15 with "REMB", draft-alvestrand-rmcat-remb §2.2):
/// bitrate = mantissa (18 bits) · 2^exponent (6 bits), for the listed SSRCs.
/// </summary>
internal readonly struct RtcpRemb
{
    private const uint Identifier = 0x52454D42; // "REMB"
    private const int SsrcsOffset = RtcpFeedback.FciOffset + 8;
    private const uint MaxMantissa = 0x3FFFF;

    private RtcpRemb(uint senderSsrc, ulong bitrate, int ssrcCount)
    {
        SenderSsrc = senderSsrc;
        Bitrate = bitrate;
        SsrcCount = ssrcCount;
    }

    public uint SenderSsrc { get; }

    /// <summary>Estimated maximum bitrate in bits per second (saturates at <see cref="ulong.MaxValue"/>).</summary>
    public ulong Bitrate { get; }

    public int SsrcCount { get; }

    public static bool TryParse(ReadOnlySpan<byte> packet, out RtcpRemb remb)
    {
        remb = default;
        if (!RtcpFeedback.TryParse(packet, RtcpPacketType.PayloadSpecificFeedback, RtcpPacketType.FormatApplicationLayer,
                out uint sender, out _, out int fciLength)
            || fciLength < 8
            || BinaryPrimitives.ReadUInt32BigEndian(packet.Slice(RtcpFeedback.FciOffset)) != Identifier)
        {
            return false;
        }

        int count = packet[16];
        if (fciLength < 8 + 4 * count)
        {
            return false;
        }

        int exponent = packet[17] >> 2;
        ulong mantissa = ((ulong)(packet[17] & 0x03) << 16) | ((ulong)packet[18] << 8) | packet[19];
        // An 18-bit mantissa shifted by up to 63 can overflow 64 bits; saturate instead.
        ulong bitrate = (mantissa << exponent) >> exponent == mantissa ? mantissa << exponent : ulong.MaxValue;
        remb = new RtcpRemb(sender, bitrate, count);
        return true;
    }

    /// <summary>Reads SSRC <paramref name="index"/> from the packet this REMB was parsed from.</summary>
    public bool TryGetSsrc(ReadOnlySpan<byte> packet, int index, out uint ssrc)
    {
        int offset = SsrcsOffset + 4 * index;
        if ((uint)index >= (uint)SsrcCount || packet.Length < offset + 4)
        {
            ssrc = 0;
            return false;
        }

        ssrc = BinaryPrimitives.ReadUInt32BigEndian(packet.Slice(offset));
        return true;
    }

    /// <summary>Writes a REMB for up to 255 SSRCs. Returns the length, or 0 if it does not fit.</summary>
    public static int Write(Span<byte> destination, uint senderSsrc, ulong bitrate, ReadOnlySpan<uint> ssrcs)
    {
        int length = SsrcsOffset + 4 * ssrcs.Length;
        if (ssrcs.Length > 255 || destination.Length < length)
        {
            return 0;
        }

        int exponent = 0;
        while (bitrate > MaxMantissa)
        {
            bitrate >>= 1;
            exponent++;
        }

        RtcpFeedback.WriteHeader(destination, RtcpPacketType.PayloadSpecificFeedback, RtcpPacketType.FormatApplicationLayer, length, senderSsrc, 0);
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(RtcpFeedback.FciOffset), Identifier);
        destination[16] = (byte)ssrcs.Length;
        destination[17] = (byte)((exponent << 2) | (int)(bitrate >> 16));
        destination[18] = (byte)(bitrate >> 8);
        destination[19] = (byte)bitrate;
        for (int i = 0; i < ssrcs.Length; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(SsrcsOffset + 4 * i), ssrcs[i]);
        }

        return length;
    }
}
