using ContactCenter.Sip.Audio;

namespace ContactCenter.Sip.Tests.Audio;

public sealed class ResamplerTests
{
    private static short[] Decimate(short[] input48)
    {
        var resampler = new Resampler48To8();
        var output = new short[input48.Length / 6];
        for (var frame = 0; frame < input48.Length / 960; frame++)
        {
            resampler.Process(input48.AsSpan(frame * 960, 960), output.AsSpan(frame * 160, 160));
        }
        return output;
    }

    [Fact]
    public void Process48To8_OneKilohertzTone_SurvivesAtFullLevel()
    {
        var output = Decimate(ToneMath.Sine(1000, 48000, 48000));

        // Skip the filter's start-up; the rest should keep the 10000 amplitude (RMS ≈ 7071).
        var rms = ToneMath.Rms(output.AsSpan(800));
        Assert.InRange(rms, 6700, 7400);
        Assert.True(ToneMath.ToneLevel(output.AsSpan(800), 1000, 8000) > 4000);
    }

    [Fact]
    public void Process48To8_SixKilohertzTone_IsAttenuatedNotAliased()
    {
        var output = Decimate(ToneMath.Sine(6000, 48000, 48000));

        // 6 kHz would alias to 2 kHz at 8 kHz; the low-pass must remove it (> 40 dB down from 7071 RMS).
        Assert.True(ToneMath.Rms(output.AsSpan(800)) < 70, $"rms {ToneMath.Rms(output.AsSpan(800))}");
    }

    [Fact]
    public void Process8To48_OneKilohertzTone_SurvivesAndHasNoImages()
    {
        var input = ToneMath.Sine(1000, 8000, 8000);
        var resampler = new Resampler8To48();
        var output = new short[input.Length * 6];
        for (var frame = 0; frame < input.Length / 160; frame++)
        {
            resampler.Process(input.AsSpan(frame * 160, 160), output.AsSpan(frame * 960, 960));
        }
        var steady = output.AsSpan(4800);

        Assert.InRange(ToneMath.Rms(steady), 6700, 7400);
        // The first image of 1 kHz after zero-stuffing sits at 8 - 1 = 7 kHz.
        Assert.True(ToneMath.ToneLevel(steady, 7000, 48000) < 50);
    }

    [Fact]
    public void Process48To8_BadLength_Throws() =>
        Assert.Throws<ArgumentException>(() => new Resampler48To8().Process(new short[7], new short[2]));
}
