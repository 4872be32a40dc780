namespace ContactCenter.Sip.Opus;

/// <summary>
/// Mono Opus decoder (48 kHz by default, the rate the bridge mixes at). Not thread-safe: one per stream.
/// </summary>
public sealed unsafe class OpusDecoder : IDisposable
{
    private readonly OpusDecoderHandle _handle;

    public OpusDecoder(int sampleRate = 48000)
    {
        OpusNative.EnsureLoaded();
        var ptr = OpusNative.DecoderCreate(sampleRate, 1, out var error);
        if (error != OpusNative.Ok || ptr == 0)
        {
            throw new InvalidOperationException("opus_decoder_create failed: " + OpusNative.ErrorText(error));
        }
        _handle = new OpusDecoderHandle(ptr);
        SampleRate = sampleRate;
    }

    public int SampleRate { get; }

    /// <summary>
    /// Decodes one packet into <paramref name="pcm"/>; an empty packet runs packet-loss concealment for
    /// <paramref name="pcm"/>.Length samples. Returns samples written, or -1 on a corrupt packet.
    /// </summary>
    public int Decode(ReadOnlySpan<byte> packet, Span<short> pcm)
    {
        fixed (byte* data = packet)
        fixed (short* output = pcm)
        {
            var n = OpusNative.Decode(_handle, packet.IsEmpty ? null : data, packet.Length, output, pcm.Length, 0);
            return n < 0 ? -1 : n;
        }
    }

    public void Dispose() => _handle.Dispose();
}
