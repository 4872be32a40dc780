namespace ContactCenter.Sip.Messages;

/// <summary>One header field line after unfolding and compact-name expansion (RFC 3261 §7.3).</summary>
public readonly record struct SipHeader(string Name, string Value);
