namespace ContactCenter.LoadGen.Tests;

public sealed class SoakOptionsTests
{
    [Fact]
    public void Parse_SoakWithoutOptions_FourWrapsFastBundledNoWarmUp()
    {
        var options = LoadGenOptions.Parse(["soak"]);

        Assert.Equal(4, options.Wraps);
        Assert.Equal(1, options.Count);
        Assert.True(options.Video);
        Assert.Equal((5_000, 5_000), (options.AudioPps, options.VideoPps));
        Assert.Equal(TimeSpan.Zero, options.WarmUp);
        Assert.Equal(TimeSpan.FromSeconds(300), options.Duration);
    }

    [Fact]
    public void Parse_SoakWithRatesAndWraps_ReadsThem()
    {
        var options = LoadGenOptions.Parse(["soak", "--wraps", "6", "--audio-pps", "2000", "--video-pps", "3000", "--duration", "90"]);

        Assert.Equal((6, 2_000, 3_000), (options.Wraps, options.AudioPps, options.VideoPps));
        Assert.Equal(TimeSpan.FromSeconds(90), options.Duration);
    }

    [Fact]
    public void Parse_OtherScenario_KeepsTheRealTimeRates()
    {
        var options = LoadGenOptions.Parse(["fanout", "--video"]);

        Assert.Equal((50, 150), (options.AudioPps, options.VideoPps));
    }

    [Theory]
    [InlineData("soak", "--wraps", "0")]
    [InlineData("soak", "--wraps", "-1")]
    [InlineData("soak", "--audio-pps", "0")]
    [InlineData("soak", "--subscribers", "3")]
    public void Parse_BadSoakArguments_Throws(params string[] args) =>
        Assert.Throws<ArgumentException>(() => LoadGenOptions.Parse(args));
}
