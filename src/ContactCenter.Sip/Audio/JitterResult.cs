namespace ContactCenter.Sip.Audio;

/// <summary>What <see cref="JitterBuffer.Pop"/> produced for this tick.</summary>
public enum JitterResult
{
    /// <summary>Nothing to play (not primed yet, or the stream paused): contribute silence.</summary>
    Empty,
    /// <summary>A frame was copied out.</summary>
    Frame,
    /// <summary>The expected frame is missing but later ones exist: conceal (Opus PLC) and move on.</summary>
    Missing,
}
