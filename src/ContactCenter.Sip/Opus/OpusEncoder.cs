namespace ContactCenter.Sip.Opus;

/// <summary>Mono Opus encoder (VoIP application). Used by tests and benchmarks to produce browser-like packets.</summary>
public sealed unsafe class OpusEncoder : IDisposable
{
    private readonly OpusEncoderHandle _handle;

    public OpusEncoder(int sampleRate = 48000)
    {
        OpusNative.EnsureLoaded();
        var ptr = OpusNative.EncoderCreate(sampleRate, 1, OpusNative.ApplicationVoip, out var error);
        if (error != OpusNative.Ok || ptr == 0)
        {
            throw new InvalidOperationException("opus_encoder_create failed: " + OpusNative.ErrorText(error));
        }
        _handle = new OpusEncoderHandle(ptr);
    }

    /// <summary>Encodes one frame (e.g. 960 samples = 20 ms at 48 kHz); returns the packet length.</summary>
    public int Encode(ReadOnlySpan<short> pcm, Span<byte> packet)
    {
        fixed (short* input = pcm)
        fixed (byte* output = packet)
        {
            var n = OpusNative.Encode(_handle, input, pcm.Length, output, packet.Length);
            if (n < 0)
            {
                throw new InvalidOperationException("opus_encode failed: " + OpusNative.ErrorText(n));
            }
            return n;
        }
    }

    public void Dispose() => _handle.Dispose();
}
