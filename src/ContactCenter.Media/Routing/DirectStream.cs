namespace ContactCenter.Media.Routing;

/// <summary>One stream a direct receiver gets: the SSRC the router writes into its packets, and the stream's id.</summary>
internal readonly record struct DirectStream(uint Ssrc, string StreamId);
