namespace ContactCenter.Sip.Audio;

/// <summary>One stream's frame for this tick; <see cref="HasAudio"/> is false when its jitter buffer had nothing.</summary>
public readonly record struct MixerInput(string Key, ReadOnlyMemory<short> Frame, bool HasAudio);
