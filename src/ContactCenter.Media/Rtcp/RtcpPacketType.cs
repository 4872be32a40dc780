namespace ContactCenter.Media.Rtcp;

/// <summary>RTCP packet types (RFC 3550 §12.1, RFC 4585 §6.1) and feedback message types (FMT).</summary>
internal static class RtcpPacketType
{
    public const byte SenderReport = 200;
    public const byte ReceiverReport = 201;
    public const byte SourceDescription = 202;
    public const byte Goodbye = 203;
    public const byte ApplicationDefined = 204;

    /// <summary>Transport-layer feedback (RTPFB, RFC 4585 §6.2).</summary>
    public const byte TransportFeedback = 205;

    /// <summary>Payload-specific feedback (PSFB, RFC 4585 §6.3).</summary>
    public const byte PayloadSpecificFeedback = 206;

    /// <summary>RTPFB FMT 1: Generic NACK (RFC 4585 §6.2.1).</summary>
    public const byte FormatNack = 1;

    /// <summary>RTPFB FMT 15: transport-wide congestion control feedback.</summary>
    public const byte FormatTransportCc = 15;

    /// <summary>PSFB FMT 1: Picture Loss Indication (RFC 4585 §6.3.1).</summary>
    public const byte FormatPli = 1;

    /// <summary>PSFB FMT 4: Full Intra Request (RFC 5104 §4.3.1).</summary>
    public const byte FormatFir = 4;

    /// <summary>PSFB FMT 15: application layer feedback, used by REMB (draft-alvestrand-rmcat-remb).</summary>
    public const byte FormatApplicationLayer = 15;
}
