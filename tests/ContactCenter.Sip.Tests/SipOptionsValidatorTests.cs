namespace ContactCenter.Sip.Tests;

public sealed class SipOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeed() => Assert.True(new SipOptionsValidator().Validate(null, new SipOptions()).Succeeded);

    [Fact]
    public void Validate_BadValues_ListEveryProblem()
    {
        var options = new SipOptions { ListenAddress = "localhost", RtpPortMin = 500, Port = 70000 };
        var trunk = new SipTrunkOptions { Name = "t", Username = "u" };
        trunk.Addresses.Add("10.0.0.0/99");
        options.Trunks.Add(trunk);

        var result = new SipOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Equal(5, result.Failures!.Count());
    }
}
