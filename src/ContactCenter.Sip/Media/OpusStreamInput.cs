using ContactCenter.Sip.Audio;
using ContactCenter.Sip.Opus;

namespace ContactCenter.Sip.Media;

/// <summary>One browser stream feeding a phone: its jitter buffer, Opus decoder and 20 ms PCM frame.</summary>
internal sealed class OpusStreamInput : IDisposable
{
    private readonly object _lock = new();
    private readonly JitterBuffer _jitter = new(capacity: 5, startDepth: 2);
    private readonly OpusDecoder _decoder;
    private readonly byte[] _packet = new byte[1500];
    // Room for the longest Opus packet (120 ms).
    private readonly short[] _decodeBuffer;
    private readonly int _frameSamples;

    /// <param name="sampleRate">Decode rate: 8000 lets libopus band-limit and decimate for the phone directly.</param>
    public OpusStreamInput(string key, int sampleRate)
    {
        Key = key;
        _decoder = new OpusDecoder(sampleRate);
        _frameSamples = sampleRate / 50;
        _decodeBuffer = new short[_frameSamples * 6];
        Frame = new short[_frameSamples];
    }

    public string Key { get; }
    public short[] Frame { get; }
    public bool HasAudio { get; private set; }
    public long Concealed { get; private set; }

    public void Push(ushort sequence, ReadOnlySpan<byte> payload)
    {
        lock (_lock)
        {
            _jitter.Push(sequence, payload);
        }
    }

    /// <summary>Produces this tick's 20 ms: a decoded frame, a concealed one, or nothing.</summary>
    public void Pull()
    {
        JitterResult result;
        int length;
        lock (_lock)
        {
            result = _jitter.Pop(_packet, out length);
        }
        HasAudio = false;
        if (result == JitterResult.Empty)
        {
            return;
        }
        if (result == JitterResult.Missing)
        {
            Concealed++;
        }
        // Missing → decode with no data: Opus packet-loss concealment for one 20 ms frame.
        var span = result == JitterResult.Frame ? _packet.AsSpan(0, length) : default;
        var decoded = _decoder.Decode(span, result == JitterResult.Frame ? _decodeBuffer : _decodeBuffer.AsSpan(0, _frameSamples));
        if (decoded <= 0)
        {
            return;
        }
        // Browsers send 20 ms; a longer packet is cut to the tick so the mix keeps time.
        var n = Math.Min(decoded, _frameSamples);
        _decodeBuffer.AsSpan(0, n).CopyTo(Frame);
        Frame.AsSpan(n).Clear();
        HasAudio = true;
    }

    public void Dispose() => _decoder.Dispose();
}
