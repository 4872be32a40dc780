namespace ContactCenter.LoadGen.Tests;

public sealed class LoadGenOptionsTests
{
    [Fact]
    public void Parse_WhisperWithOptions_ReadsEveryValue()
    {
        var options = LoadGenOptions.Parse(
            ["whisper", "--calls", "1000", "--duration", "30", "--warmup", "5", "--video", "--json", "out.json", "--target", "janus"]);

        Assert.Equal("whisper", options.Scenario);
        Assert.Equal(1000, options.Count);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Duration);
        Assert.Equal(TimeSpan.FromSeconds(5), options.WarmUp);
        Assert.True(options.Video);
        Assert.Equal("out.json", options.JsonFile);
        Assert.Equal("janus", options.Target);
        Assert.Equal("demo-secret-change-me", options.Password);
    }

    [Fact]
    public void Parse_RoomWithoutCount_DefaultsToTwentyMembers() =>
        Assert.Equal(20, LoadGenOptions.Parse(["room"]).Count);

    [Fact]
    public void Parse_ChurnWithoutCount_ThreeHundredCallsAtFivePerSecond()
    {
        var options = LoadGenOptions.Parse(["churn"]);

        Assert.Equal(300, options.Count);
        Assert.Equal(5, options.Rate);
    }

    [Fact]
    public void Parse_ChurnRate_ReadsAFraction() =>
        Assert.Equal(2.5, LoadGenOptions.Parse(["churn", "--calls", "100", "--rate", "2.5"]).Rate);

    [Theory]
    [InlineData("churn", "--target", "janus")]
    [InlineData("churn", "--rate", "0")]
    [InlineData("churn", "--rate", "-3")]
    [InlineData("churn", "--rate", "fast")]
    [InlineData("dance")]
    [InlineData("whisper", "--calls")]
    [InlineData("whisper", "--calls", "0")]
    [InlineData("whisper", "--calls", "ten")]
    [InlineData("whisper", "--target", "mediasoup")]
    [InlineData("whisper", "--frobnicate", "1")]
    public void Parse_BadArguments_Throws(params string[] args) =>
        Assert.Throws<ArgumentException>(() => LoadGenOptions.Parse(args));
}
