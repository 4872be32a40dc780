namespace ContactCenter.Media.Routing;

/// <summary>A server offer for a participant's subscribe connection, with its increasing revision.</summary>
public sealed record SubscribeOffer(string ParticipantId, string Sdp, int SdpRevision, IReadOnlyList<OfferedStream> Streams);
