namespace ContactCenter.Media.Peers;

/// <summary>One m-line we put in our own offer (subscribe connection): its kind and our direction.</summary>
public sealed record OfferedMedia(MediaKind Kind, string Direction = Sdp.SdpDirection.SendOnly);
