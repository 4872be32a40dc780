namespace ContactCenter.Media.Peers;

/// <summary>A codec both sides agreed on, with the payload type the offer used.</summary>
public sealed record NegotiatedCodec(int PayloadType, string Name, int ClockRate, int? Channels, string? Fmtp, IReadOnlyList<string> Feedback);
