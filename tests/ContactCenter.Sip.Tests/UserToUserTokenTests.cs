namespace ContactCenter.Sip.Tests;

public sealed class UserToUserTokenTests
{
    [Fact]
    public void TryExtract_TokenOnly_ReturnsToken()
    {
        Assert.True(UserToUserToken.TryExtract(["eyJhbGciOi.eyJzdWIi.sig;encoding=jwt"], out var token, out var callId));

        Assert.Equal("eyJhbGciOi.eyJzdWIi.sig", token);
        Assert.Null(callId);
    }

    [Fact]
    public void TryExtract_CallIdThenToken_ReturnsBoth()
    {
        Assert.True(UserToUserToken.TryExtract(["Y2FsbC0xMjM=;encoding=base64, eyJ.a.b ;encoding=jwt"], out var token, out var callId));

        Assert.Equal("eyJ.a.b", token);
        Assert.Equal("Y2FsbC0xMjM=", callId);
    }

    [Theory]
    [InlineData("abc;encoding=hex")]
    [InlineData(";encoding=jwt")]
    [InlineData("")]
    public void TryExtract_NoJwtValue_False(string header) => Assert.False(UserToUserToken.TryExtract([header], out _, out _));
}
