using ContactCenter.Sip.Opus;
using ContactCenter.Sip.Tests.Audio;

namespace ContactCenter.Sip.Tests.Opus;

public sealed class OpusCodecTests
{
    [Fact]
    public void Version_LibraryLoads_ReportsLibopus()
    {
        Assert.StartsWith("libopus", OpusNative.Version, StringComparison.Ordinal);
    }

    [Fact]
    public void EncodeDecode_Sine_ComesBackAsTheSameTone()
    {
        using var encoder = new OpusEncoder();
        using var decoder = new OpusDecoder();
        var packet = new byte[1500];
        var decoded = new List<short>();
        var pcm = new short[960];
        for (var frame = 0; frame < 25; frame++)
        {
            var input = ToneMath.Sine(440, 48000, 960, 8000, frame * 960);
            var length = encoder.Encode(input, packet);
            Assert.InRange(length, 1, 1275);
            Assert.Equal(960, decoder.Decode(packet.AsSpan(0, length), pcm));
            decoded.AddRange(pcm);
        }
        var steady = decoded.ToArray().AsSpan(960 * 10);

        // Amplitude 8000 → RMS ≈ 5657; a lossy codec keeps it roughly and the 440 Hz tone dominates.
        Assert.InRange(ToneMath.Rms(steady), 4000, 7000);
        Assert.True(ToneMath.ToneLevel(steady, 440, 48000) > 10 * ToneMath.ToneLevel(steady, 1500, 48000));
    }

    [Fact]
    public void Decode_EmptyPacket_RunsConcealment()
    {
        using var decoder = new OpusDecoder();
        var pcm = new short[960];

        Assert.Equal(960, decoder.Decode(default, pcm));
    }

    [Fact]
    public void Decode_CorruptPacket_ReturnsMinusOne()
    {
        using var decoder = new OpusDecoder();
        var pcm = new short[960];

        // TOC code 3 with a frame count of 0 is invalid (RFC 6716 §3.2.5).
        Assert.Equal(-1, decoder.Decode(new byte[] { 0x03, 0x00 }, pcm));
    }
}
