namespace ContactCenter.Media.Peers;

public enum MediaKind
{
    Audio,
    Video,
}
