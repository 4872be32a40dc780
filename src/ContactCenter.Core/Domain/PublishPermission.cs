namespace ContactCenter.Core.Domain;

/// <summary>A kind of media a participant may publish. Serialized as "AUDIO" / "VIDEO" (Bandwidth wire names).</summary>
public enum PublishPermission
{
    Audio,
    Video,
}
