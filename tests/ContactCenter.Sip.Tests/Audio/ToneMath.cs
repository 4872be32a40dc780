namespace ContactCenter.Sip.Tests.Audio;

internal static class ToneMath
{
    public static short[] Sine(double frequency, int sampleRate, int samples, double amplitude = 10000, int offset = 0)
    {
        var result = new short[samples];
        for (var i = 0; i < samples; i++)
        {
            result[i] = (short)Math.Round(amplitude * Math.Sin(2 * Math.PI * frequency * (i + offset) / sampleRate));
        }
        return result;
    }

    public static double Rms(ReadOnlySpan<short> samples)
    {
        double sum = 0;
        foreach (var s in samples)
        {
            sum += (double)s * s;
        }
        return samples.IsEmpty ? 0 : Math.Sqrt(sum / samples.Length);
    }

    /// <summary>Magnitude of one frequency (Goertzel), normalised so a full sine of amplitude A gives about A/2.</summary>
    public static double ToneLevel(ReadOnlySpan<short> samples, double frequency, int sampleRate)
    {
        var w = 2 * Math.PI * frequency / sampleRate;
        var coeff = 2 * Math.Cos(w);
        double s1 = 0, s2 = 0;
        foreach (var x in samples)
        {
            var s0 = x + coeff * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        var power = s1 * s1 + s2 * s2 - coeff * s1 * s2;
        return Math.Sqrt(Math.Max(power, 0)) / samples.Length;
    }
}
