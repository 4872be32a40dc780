using BenchmarkDotNet.Attributes;
using ContactCenter.Sip.Audio;
using ContactCenter.Sip.Media;
using ContactCenter.Sip.Opus;
using ContactCenter.Sip.Sdp;

namespace ContactCenter.Media.Benchmarks;

/// <summary>
/// One phone leg's 20 ms tick: jitter pop + Opus decode ×2, mix, 48→8 kHz decimation, G.711 encode, hand-off
/// to the sender. Legs per core ≈ 20 ms / <see cref="Tick_TwoOpusInputs"/>. The pieces are measured alone
/// too, to show where the time goes.
/// </summary>
[MemoryDiagnoser]
public class BridgeBenchmarks
{
    private const int Frames = 50;
    private readonly byte[][] _packetsA = new byte[Frames][];
    private readonly byte[][] _packetsB = new byte[Frames][];
    private readonly short[] _pcm48 = new short[960];
    private readonly short[] _pcm8 = new short[160];
    private readonly byte[] _g711 = new byte[160];
    private readonly int[] _accumulator = new int[960];
    private readonly short[] _mix = new short[960];
    private MixerInput[] _mixerInputs = [];
    private PhoneBridge _bridge = null!;
    private PhoneBridge _bridge48 = null!;
    private OpusDecoder _decoder = null!;
    private Resampler48To8 _resampler = null!;
    private ushort _sequence;
    private ushort _sequence48;
    private int _frame;

    private sealed class NullSender : IPhoneAudioSender
    {
        public long Sent;

        public void SendAudio(ReadOnlySpan<byte> g711Payload) => Sent += g711Payload.Length;

        public void SkipAudio(int samples)
        {
        }
    }

    [GlobalSetup]
    public void Setup()
    {
        using var encoder = new OpusEncoder();
        var packet = new byte[1500];
        for (var f = 0; f < Frames; f++)
        {
            _packetsA[f] = packet.AsSpan(0, encoder.Encode(Tone(440, f), packet)).ToArray();
            _packetsB[f] = packet.AsSpan(0, encoder.Encode(Tone(1000, f), packet)).ToArray();
        }
        _bridge = new PhoneBridge(new NullSender(), G711Codec.Pcmu);
        _bridge.SetStreams(["agent", "supervisor"]);
        _bridge48 = new PhoneBridge(new NullSender(), G711Codec.Pcmu, mixSampleRate: 48000);
        _bridge48.SetStreams(["agent", "supervisor"]);
        // Prime the jitter buffers so every tick decodes a real frame.
        for (var i = 0; i < 3; i++)
        {
            Push(_bridge, ref _sequence);
            Push(_bridge48, ref _sequence48);
        }
        _decoder = new OpusDecoder();
        _resampler = new Resampler48To8();
        var a = Tone(440, 0);
        var b = Tone(1000, 0);
        _mixerInputs = [new MixerInput("a", a, true), new MixerInput("b", b, true)];
        a.CopyTo(_pcm48, 0);
    }

    private static short[] Tone(double hz, int frame)
    {
        var pcm = new short[960];
        for (var i = 0; i < pcm.Length; i++)
        {
            pcm[i] = (short)(8000 * Math.Sin(2 * Math.PI * hz * (frame * 960 + i) / 48000));
        }
        return pcm;
    }

    private void Push(PhoneBridge bridge, ref ushort sequence)
    {
        var f = _frame++ % Frames;
        bridge.PushOpus("agent", sequence, (uint)(sequence * 960), _packetsA[f]);
        bridge.PushOpus("supervisor", sequence, (uint)(sequence * 960), _packetsB[f]);
        sequence++;
    }

    [Benchmark(Baseline = true, Description = "leg tick: 2× Opus decode@8k + mix + G.711")]
    public void Tick_TwoOpusInputs()
    {
        Push(_bridge, ref _sequence);
        _bridge.Tick();
    }

    [Benchmark(Description = "leg tick: 2× Opus decode@48k + mix + resample + G.711")]
    public void Tick_TwoOpusInputs_Mix48k()
    {
        Push(_bridge48, ref _sequence48);
        _bridge48.Tick();
    }

    [Benchmark(Description = "Opus decode 20 ms")]
    public int OpusDecode() => _decoder.Decode(_packetsA[_frame++ % Frames], _pcm48);

    [Benchmark(Description = "mix 2 × 960")]
    public int Mix() => AudioMixer.Mix(_mixerInputs, null, _accumulator, _mix);

    [Benchmark(Description = "resample 48→8 kHz, 20 ms")]
    public int Resample() => _resampler.Process(_pcm48, _pcm8);

    [Benchmark(Description = "G.711 μ-law encode 160")]
    public void G711Encode() => G711.EncodeMuLaw(_pcm8, _g711);

    [GlobalCleanup]
    public void Cleanup()
    {
        _bridge.Dispose();
        _bridge48.Dispose();
        _decoder.Dispose();
    }
}
