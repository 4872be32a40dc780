namespace ContactCenter.Sip.Audio;

/// <summary>Designs a Blackman-windowed sinc low-pass, normalised to unity gain at DC.</summary>
internal static class FirFilter
{
    /// <param name="taps">Number of coefficients.</param>
    /// <param name="cutoff">Cut-off as a fraction of the sample rate (0..0.5).</param>
    public static float[] LowPass(int taps, double cutoff)
    {
        var h = new double[taps];
        var middle = (taps - 1) / 2.0;
        var sum = 0.0;
        for (var n = 0; n < taps; n++)
        {
            var x = n - middle;
            var sinc = x == 0 ? 2 * cutoff : Math.Sin(2 * Math.PI * cutoff * x) / (Math.PI * x);
            var window = 0.42 - 0.5 * Math.Cos(2 * Math.PI * n / (taps - 1)) + 0.08 * Math.Cos(4 * Math.PI * n / (taps - 1));
            h[n] = sinc * window;
            sum += h[n];
        }
        var result = new float[taps];
        for (var n = 0; n < taps; n++)
        {
            result[n] = (float)(h[n] / sum);
        }
        return result;
    }
}
