using ContactCenter.Sip.Audio;
using ContactCenter.Sip.Opus;

namespace ContactCenter.Sip.Media;

/// <summary>One browser stream feeding a phone: its jitter buffer, Opus decoder and 20 ms PCM frame.</summary>
internal sealed class OpusStreamInput : IDisposable
{
    public const int FrameSamples = 960;
    private readonly object _lock = new();
    private readonly JitterBuffer _jitter = new(capacity: 5, startDepth: 2);
    private readonly OpusDecoder _decoder = new();
    private readonly byte[] _packet = new byte[1500];
    private readonly short[] _decodeBuffer = new short[5760];

    public OpusStreamInput(string key) => Key = key;

    public string Key { get; }
    public short[] Frame { get; } = new short[FrameSamples];
    public bool HasAudio { get; private set; }
    public long Concealed { get; private set; }

    public void Push(ushort sequence, ReadOnlySpan<byte> payload)
    {
        lock (_lock)
        {
            _jitter.Push(sequence, payload);
        }
    }

    /// <summary>Produces this tick's 20 ms at 48 kHz: a decoded frame, a concealed one, or nothing.</summary>
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
        var decoded = _decoder.Decode(span, result == JitterResult.Frame ? _decodeBuffer : _decodeBuffer.AsSpan(0, FrameSamples));
        if (decoded <= 0)
        {
            return;
        }
        // Browsers send 20 ms; a longer packet is cut to the tick so the mix keeps time.
        var n = Math.Min(decoded, FrameSamples);
        _decodeBuffer.AsSpan(0, n).CopyTo(Frame);
        Frame.AsSpan(n).Clear();
        HasAudio = true;
    }

    public void Dispose() => _decoder.Dispose();
}
