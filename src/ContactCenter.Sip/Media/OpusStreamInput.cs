using ContactCenter.Sip.Audio;
using ContactCenter.Sip.Opus;

namespace ContactCenter.Sip.Media;

/// <summary>
/// One browser stream feeding a phone: its jitter buffer, Opus decoder and 20 ms PCM frame. Decoded audio
/// goes through a small sample FIFO, so packets of any Opus duration (10, 20, 40, 60 ms) come out as
/// exact 20 ms frames: a 10 ms stream is popped twice per tick, a 60 ms packet feeds three ticks.
/// </summary>
internal sealed class OpusStreamInput : IDisposable
{
    private readonly object _lock = new();
    private readonly JitterBuffer _jitter = new(capacity: 5, startDepth: 2);
    private readonly OpusDecoder _decoder;
    private readonly byte[] _packet = new byte[1500];
    // Room for the longest Opus packet (120 ms) plus what is left over from the previous one.
    private readonly short[] _fifo;
    private readonly int _frameSamples;
    private int _fifoCount;

    /// <param name="sampleRate">Decode rate: 8000 lets libopus band-limit and decimate for the phone directly.</param>
    public OpusStreamInput(string key, int sampleRate)
    {
        Key = key;
        _decoder = new OpusDecoder(sampleRate);
        _frameSamples = sampleRate / 50;
        _fifo = new short[_frameSamples * 7];
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

    /// <summary>Produces this tick's 20 ms: decoded audio, concealment, or nothing (HasAudio false).</summary>
    public void Pull()
    {
        HasAudio = false;
        while (_fifoCount < _frameSamples)
        {
            JitterResult result;
            int length;
            lock (_lock)
            {
                result = _jitter.Pop(_packet, out length);
            }
            if (result == JitterResult.Empty)
            {
                break;
            }
            var room = _fifo.AsSpan(_fifoCount);
            int decoded;
            if (result == JitterResult.Missing)
            {
                // Decode with no data: Opus packet-loss concealment for one 20 ms frame (RFC 6716 §4.4).
                Concealed++;
                decoded = _decoder.Decode(default, room[.._frameSamples]);
            }
            else
            {
                decoded = _decoder.Decode(_packet.AsSpan(0, length), room);
            }
            if (decoded > 0)
            {
                _fifoCount += decoded;
            }
        }
        if (_fifoCount == 0)
        {
            return;
        }
        var n = Math.Min(_fifoCount, _frameSamples);
        _fifo.AsSpan(0, n).CopyTo(Frame);
        // A stream that stopped mid-frame is padded with silence for its last tick.
        Frame.AsSpan(n).Clear();
        _fifo.AsSpan(n, _fifoCount - n).CopyTo(_fifo);
        _fifoCount -= n;
        HasAudio = true;
    }

    public void Dispose() => _decoder.Dispose();
}
