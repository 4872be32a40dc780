namespace ContactCenter.Media.Rtcp;

/// <summary>One FIR FCI entry (RFC 5104 §4.3.1.1): the SSRC asked for a decoder refresh and its command sequence number.</summary>
internal readonly record struct RtcpFirEntry(uint Ssrc, byte SequenceNumber);
