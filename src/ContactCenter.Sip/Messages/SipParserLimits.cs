namespace ContactCenter.Sip.Messages;

/// <summary>
/// What one SIP message may hold before the parser refuses it: its size in bytes (start line, headers and body)
/// and its number of header lines. Bounded input keeps the parser's work and memory bounded per message.
/// </summary>
public readonly record struct SipParserLimits(int MaxMessageBytes, int MaxHeaderCount)
{
    /// <summary>65,535 bytes (the largest UDP datagram) and 100 header lines.</summary>
    public static SipParserLimits Default { get; } = new(65535, 100);
}
