namespace ContactCenter.Sip.Audio;

/// <summary>
/// 8 kHz → 48 kHz interpolator: polyphase form of "insert 5 zeros, low-pass at 3.4 kHz, gain 6", so each
/// output costs 20 multiply-adds instead of 120.
/// </summary>
public sealed class Resampler8To48
{
    public const int Factor = 6;
    private const int Taps = 120;
    private const int TapsPerPhase = Taps / Factor;
    private static readonly float[] s_taps = FirFilter.LowPass(Taps, 3400.0 / 48000.0);
    // Phase p's taps h[p + 6j], reversed so each output is a forward dot product over the newest inputs.
    private static readonly float[][] s_phases = BuildPhases();
    private readonly float[] _buffer;
    private readonly int _maxInput;

    public Resampler8To48(int maxInputSamples = 160)
    {
        _maxInput = maxInputSamples;
        _buffer = new float[TapsPerPhase - 1 + maxInputSamples];
    }

    public int Process(ReadOnlySpan<short> input, Span<short> output)
    {
        if (input.Length > _maxInput)
        {
            throw new ArgumentException("input does not fit the buffer", nameof(input));
        }
        var history = TapsPerPhase - 1;
        for (var i = 0; i < input.Length; i++)
        {
            _buffer[history + i] = input[i];
        }
        for (var n = 0; n < input.Length; n++)
        {
            var newest = history + n;
            var window = _buffer.AsSpan(newest - (TapsPerPhase - 1), TapsPerPhase);
            for (var p = 0; p < Factor; p++)
            {
                output[n * Factor + p] = Resampler48To8.ToShort(Resampler48To8.Dot(s_phases[p], window) * Factor);
            }
        }
        Array.Copy(_buffer, input.Length, _buffer, 0, history);
        return input.Length * Factor;
    }

    private static float[][] BuildPhases()
    {
        var phases = new float[Factor][];
        for (var p = 0; p < Factor; p++)
        {
            phases[p] = new float[TapsPerPhase];
            for (var j = 0; j < TapsPerPhase; j++)
            {
                phases[p][TapsPerPhase - 1 - j] = s_taps[p + Factor * j];
            }
        }
        return phases;
    }
}
