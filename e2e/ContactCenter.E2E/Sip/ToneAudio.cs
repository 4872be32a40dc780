namespace ContactCenter.E2E.Sip;

/// <summary>Test audio: a WAV writer for Chromium's fake capture file, and a Goertzel detector (one DFT bin).</summary>
internal static class ToneAudio
{
    /// <summary>A 16-bit mono PCM WAV (RIFF) of a sine tone.</summary>
    public static void WriteSineWav(string path, int frequency, double seconds, int sampleRate = 48000, double amplitude = 0.5)
    {
        int samples = (int)(seconds * sampleRate);
        using var stream = File.Create(path);
        using var writer = new BinaryWriter(stream);
        writer.Write("RIFF"u8);
        writer.Write(36 + samples * 2);
        writer.Write("WAVE"u8);
        writer.Write("fmt "u8);
        writer.Write(16);
        writer.Write((short)1); // PCM
        writer.Write((short)1); // mono
        writer.Write(sampleRate);
        writer.Write(sampleRate * 2);
        writer.Write((short)2);
        writer.Write((short)16);
        writer.Write("data"u8);
        writer.Write(samples * 2);
        for (int i = 0; i < samples; i++)
        {
            writer.Write((short)(amplitude * short.MaxValue * Math.Sin(2 * Math.PI * frequency * i / sampleRate)));
        }
    }

    /// <summary>
    /// The amplitude of <paramref name="frequency"/> in the block (Goertzel), in sample units: a full-block sine of
    /// amplitude A gives about A. Pick a block length that holds whole periods.
    /// </summary>
    public static double Amplitude(ReadOnlySpan<short> block, int frequency, int sampleRate)
    {
        double coefficient = 2 * Math.Cos(2 * Math.PI * frequency / sampleRate);
        double previous = 0, beforePrevious = 0;
        foreach (var sample in block)
        {
            double current = sample + coefficient * previous - beforePrevious;
            beforePrevious = previous;
            previous = current;
        }

        double power = previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious;
        return 2 * Math.Sqrt(Math.Max(0, power)) / block.Length;
    }

    public static double Rms(ReadOnlySpan<short> block)
    {
        double sum = 0;
        foreach (var sample in block)
        {
            sum += (double)sample * sample;
        }

        return block.Length == 0 ? 0 : Math.Sqrt(sum / block.Length);
    }
}
