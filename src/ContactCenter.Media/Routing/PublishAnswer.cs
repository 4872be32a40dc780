namespace ContactCenter.Media.Routing;

/// <summary>The server's answer on a publish connection and the streams it now forwards.</summary>
public sealed record PublishAnswer(string Sdp, IReadOnlyList<PublishedTrack> Tracks);
