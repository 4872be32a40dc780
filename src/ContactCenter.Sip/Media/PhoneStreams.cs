namespace ContactCenter.Sip.Media;

/// <summary>Names shared with the SFU.</summary>
public static class PhoneStreams
{
    /// <summary>The alias under which a phone's audio is published, as a browser's microphone is.</summary>
    public const string MicrophoneAlias = "microphone";
}
