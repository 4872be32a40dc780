namespace ContactCenter.Sip.Audio;

/// <summary>
/// 48 kHz → 8 kHz decimator: a 120-tap windowed-sinc low-pass (cut-off 3.4 kHz, so nothing above the
/// 4 kHz Nyquist of the phone side aliases back) evaluated only at every 6th input sample.
/// Keeps its history between frames; one instance per stream.
/// </summary>
public sealed class Resampler48To8
{
    public const int Factor = 6;
    private const int Taps = 120;
    private static readonly float[] s_taps = FirFilter.LowPass(Taps, 3400.0 / 48000.0);
    private readonly float[] _buffer;
    private readonly int _maxInput;

    public Resampler48To8(int maxInputSamples = 960)
    {
        _maxInput = maxInputSamples;
        _buffer = new float[Taps - 1 + maxInputSamples];
    }

    /// <summary>Consumes a multiple of 6 samples at 48 kHz and writes a sixth as many at 8 kHz.</summary>
    public int Process(ReadOnlySpan<short> input, Span<short> output)
    {
        if (input.Length % Factor != 0 || input.Length > _maxInput)
        {
            throw new ArgumentException("input must be a multiple of 6 samples and fit the buffer", nameof(input));
        }
        var history = Taps - 1;
        for (var i = 0; i < input.Length; i++)
        {
            _buffer[history + i] = input[i];
        }
        var count = input.Length / Factor;
        var h = s_taps;
        for (var m = 0; m < count; m++)
        {
            // Newest sample for output m sits at history + 6m + 5; the filter reaches Taps-1 back from it.
            var start = m * Factor + Factor - 1 + history - (Taps - 1);
            // The filter is symmetric, so it can run forwards over the window: a plain SIMD dot product.
            output[m] = ToShort(Dot(h, _buffer.AsSpan(start, Taps)));
        }
        Array.Copy(_buffer, input.Length, _buffer, 0, history);
        return count;
    }

    internal static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var i = 0;
        var sum = System.Numerics.Vector<float>.Zero;
        var width = System.Numerics.Vector<float>.Count;
        for (; i <= a.Length - width; i += width)
        {
            sum += new System.Numerics.Vector<float>(a[i..]) * new System.Numerics.Vector<float>(b[i..]);
        }
        var acc = System.Numerics.Vector.Sum(sum);
        for (; i < a.Length; i++)
        {
            acc += a[i] * b[i];
        }
        return acc;
    }

    internal static short ToShort(float value) =>
        value >= short.MaxValue ? short.MaxValue : value <= short.MinValue ? short.MinValue : (short)MathF.Round(value);
}
