using ContactCenter.Sip.Audio;

namespace ContactCenter.Sip.Tests.Audio;

public sealed class AudioMixerTests
{
    [Fact]
    public void Mix_SumsInputsExceptExcludedAndSilent()
    {
        MixerInput[] inputs =
        [
            new("agent", new short[] { 100, -200, 300 }, true),
            new("supervisor", new short[] { 1, 1, 1 }, true),
            new("phone", new short[] { 5000, 5000, 5000 }, true),
            new("muted", new short[] { 7, 7, 7 }, false),
        ];
        var output = new short[3];

        var mixed = AudioMixer.Mix(inputs, "phone", new int[3], output);

        Assert.Equal(2, mixed);
        Assert.Equal([101, -199, 301], output);
    }

    [Fact]
    public void Mix_Overflow_SaturatesToShortRange()
    {
        MixerInput[] inputs =
        [
            new("a", new short[] { 30000, -30000 }, true),
            new("b", new short[] { 30000, -30000 }, true),
        ];
        var output = new short[2];

        AudioMixer.Mix(inputs, null, new int[2], output);

        Assert.Equal([short.MaxValue, short.MinValue], output);
    }

    [Fact]
    public void Mix_NoInputs_IsSilence()
    {
        var output = new short[] { 9, 9 };

        var mixed = AudioMixer.Mix([], null, new int[2], output);

        Assert.Equal(0, mixed);
        Assert.Equal([0, 0], output);
    }

    [Fact]
    public void Mix_ReusedAccumulator_IsClearedEachTime()
    {
        var accumulator = new int[2];
        MixerInput[] inputs = [new("a", new short[] { 10, 20 }, true)];
        var output = new short[2];

        AudioMixer.Mix(inputs, null, accumulator, output);
        AudioMixer.Mix(inputs, null, accumulator, output);

        Assert.Equal([10, 20], output);
    }
}
