using ContactCenter.Sip.Audio;
using ContactCenter.Sip.Media;
using ContactCenter.Sip.Opus;
using ContactCenter.Sip.Sdp;
using ContactCenter.Sip.Tests.Audio;
using ContactCenter.Sip.Tests.TestDoubles;

namespace ContactCenter.Sip.Tests.Media;

public sealed class PhoneBridgeTests
{
    /// <summary>Feeds 50 frames (1 s) of a tone per stream, ticking once per frame, and returns the phone's decoded audio.</summary>
    private static short[] Run(PhoneBridge bridge, RecordingSender sender, G711Codec codec, params (string Key, double Hz)[] streams)
    {
        var encoders = streams.Select(_ => new OpusEncoder()).ToArray();
        var packet = new byte[1500];
        for (var frame = 0; frame < 50; frame++)
        {
            for (var s = 0; s < streams.Length; s++)
            {
                var pcm = ToneMath.Sine(streams[s].Hz, 48000, 960, 6000, frame * 960);
                var length = encoders[s].Encode(pcm, packet);
                bridge.PushOpus(streams[s].Key, (ushort)(1000 + frame), (uint)(frame * 960), packet.AsSpan(0, length));
            }
            bridge.Tick();
        }
        foreach (var e in encoders)
        {
            e.Dispose();
        }
        var decoded = new short[sender.Frames.Count * 160];
        for (var i = 0; i < sender.Frames.Count; i++)
        {
            if (codec == G711Codec.Pcmu)
            {
                G711.DecodeMuLaw(sender.Frames[i], decoded.AsSpan(i * 160, 160));
            }
            else
            {
                G711.DecodeALaw(sender.Frames[i], decoded.AsSpan(i * 160, 160));
            }
        }
        return decoded;
    }

    [Theory]
    [InlineData(8000)]
    [InlineData(48000)]
    public void Tick_TwoSubscribedStreams_PhoneHearsBothTones(int mixRate)
    {
        var sender = new RecordingSender();
        using var bridge = new PhoneBridge(sender, G711Codec.Pcmu, mixSampleRate: mixRate);
        bridge.SetStreams(["agent", "customer2"]);

        var audio = Run(bridge, sender, G711Codec.Pcmu, ("agent", 500), ("customer2", 1200));

        Assert.Equal(50, sender.Frames.Count);
        Assert.All(sender.Frames, f => Assert.Equal(160, f.Length));
        var steady = audio.AsSpan(160 * 10);
        Assert.True(ToneMath.ToneLevel(steady, 500, 8000) > 1000);
        Assert.True(ToneMath.ToneLevel(steady, 1200, 8000) > 1000);
    }

    [Theory]
    [InlineData(8000)]
    [InlineData(48000)]
    public void Tick_WhisperSupervisorNotSubscribed_PhoneNeverHearsIt(int mixRate)
    {
        var sender = new RecordingSender();
        using var bridge = new PhoneBridge(sender, G711Codec.Pcma, mixSampleRate: mixRate);
        // Whisper: the customer phone is subscribed to the agent only (src/ContactCenter.Core/CallModes/README.md).
        bridge.SetStreams(["agent"]);

        var audio = Run(bridge, sender, G711Codec.Pcma, ("agent", 500), ("supervisor", 1500));

        var steady = audio.AsSpan(160 * 10);
        Assert.True(ToneMath.ToneLevel(steady, 500, 8000) > 1000);
        Assert.True(ToneMath.ToneLevel(steady, 1500, 8000) < 20, $"supervisor leaked: {ToneMath.ToneLevel(steady, 1500, 8000)}");
    }

    [Fact]
    public void SetStreams_OwnStream_IsNeverMixed()
    {
        var sender = new RecordingSender();
        using var bridge = new PhoneBridge(sender, G711Codec.Pcmu, ownStreamKey: "phone");
        bridge.SetStreams(["phone", "agent"]);

        var audio = Run(bridge, sender, G711Codec.Pcmu, ("phone", 1500), ("agent", 500));

        Assert.Equal(["agent"], bridge.StreamKeys);
        Assert.True(ToneMath.ToneLevel(audio.AsSpan(1600), 1500, 8000) < 20);
    }

    [Fact]
    public void Tick_NoStreams_SendsSilenceOrSkipsWhenSuppressing()
    {
        var continuous = new RecordingSender();
        var suppressing = new RecordingSender();
        using var a = new PhoneBridge(continuous, G711Codec.Pcmu);
        using var b = new PhoneBridge(suppressing, G711Codec.Pcmu, suppressSilence: true);

        a.Tick();
        b.Tick();

        Assert.Equal(0xFF, Assert.Single(continuous.Frames)[0]);
        Assert.Empty(suppressing.Frames);
        Assert.Equal(1, suppressing.Skipped);
    }

    [Fact]
    public void Constructor_UnsupportedMixRate_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new PhoneBridge(new RecordingSender(), G711Codec.Pcmu, mixSampleRate: 16000));

    [Fact]
    public void PushOpus_UnknownStream_IsIgnored()
    {
        var sender = new RecordingSender();
        using var bridge = new PhoneBridge(sender, G711Codec.Pcmu);

        bridge.PushOpus("stranger", 1, 0, new byte[] { 0xF8, 0xFF, 0xFE });
        bridge.RemoveStream("stranger");
        bridge.AddStream("agent");

        Assert.Equal(["agent"], bridge.StreamKeys);
    }

    [Fact]
    public void PushOpusRtp_WholePackets_AreDecodedLikePayloads()
    {
        var sender = new RecordingSender();
        using var bridge = new PhoneBridge(sender, G711Codec.Pcmu);
        bridge.SetStreams(["agent"]);
        using var encoder = new OpusEncoder();
        var packet = new byte[1500];
        for (var frame = 0; frame < 20; frame++)
        {
            var length = encoder.Encode(ToneMath.Sine(700, 48000, 960, 6000, frame * 960), packet.AsSpan(12));
            RtpPacket.WriteHeader(packet, false, 111, (ushort)frame, (uint)(frame * 960), 42);
            bridge.PushOpusRtp("agent", packet.AsSpan(0, 12 + length));
            bridge.Tick();
        }
        bridge.PushOpusRtp("agent", new byte[] { 1, 2, 3 });

        var decoded = new short[160];
        G711.DecodeMuLaw(sender.Frames[^1], decoded);
        Assert.True(ToneMath.ToneLevel(decoded, 700, 8000) > 1000);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(40)]
    [InlineData(60)]
    public void Tick_OpusPacketsOfOtherDurations_StillOneFramePerTickWithTheTone(int packetMs)
    {
        var sender = new RecordingSender();
        using var bridge = new PhoneBridge(sender, G711Codec.Pcmu);
        bridge.SetStreams(["agent"]);
        using var encoder = new OpusEncoder();
        var packet = new byte[1500];
        var samples = 48 * packetMs;
        ushort sequence = 0;
        var produced = 0;
        for (var tick = 0; tick < 60; tick++)
        {
            // Deliver packets as fast as real time produces them: by the end of this tick, (tick + 1) * 20 ms exist.
            while (produced < (tick + 1) * 960)
            {
                var length = encoder.Encode(ToneMath.Sine(600, 48000, samples, 6000, produced), packet);
                bridge.PushOpus("agent", sequence++, (uint)produced, packet.AsSpan(0, length));
                produced += samples;
            }
            bridge.Tick();
        }

        Assert.Equal(60, sender.Frames.Count);
        var decoded = new short[160 * 30];
        for (var i = 0; i < 30; i++)
        {
            G711.DecodeMuLaw(sender.Frames[30 + i], decoded.AsSpan(i * 160, 160));
        }
        Assert.True(ToneMath.ToneLevel(decoded, 600, 8000) > 1000, $"level {ToneMath.ToneLevel(decoded, 600, 8000)}");
        var silentFrames = sender.Frames.Skip(30).Count(f => f.All(b => b is 0xFF or 0x7F));
        Assert.Equal(0, silentFrames);
    }
}
