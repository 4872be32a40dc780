using ContactCenter.Web.Auth;

namespace ContactCenter.Web.Tests.Auth;

public sealed class ApiSecretHasherTests
{
    [Fact]
    public void Hash_SameSecretTwice_UsesDifferentSaltsAndBothVerify()
    {
        var first = ApiSecretHasher.Hash("s3cret", iterations: 1_000);
        var second = ApiSecretHasher.Hash("s3cret", iterations: 1_000);

        Assert.NotEqual(first, second);
        Assert.StartsWith("pbkdf2-sha256$1000$", first, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", first, StringComparison.Ordinal);
        Assert.True(ApiSecretHasher.Verify("s3cret", first));
        Assert.True(ApiSecretHasher.Verify("s3cret", second));
    }

    [Theory]
    [InlineData("S3cret")]
    [InlineData("s3cret ")]
    [InlineData("")]
    public void Verify_OtherSecret_IsFalse(string attempt)
    {
        Assert.False(ApiSecretHasher.Verify(attempt, ApiSecretHasher.Hash("s3cret", iterations: 1_000)));
    }

    [Theory]
    [InlineData("s3cret")]
    [InlineData("pbkdf2-sha256$x$AAAA$AAAA")]
    [InlineData("pbkdf2-sha256$10$not base64$AAAA")]
    [InlineData("md5$1$AAAA$AAAA")]
    public void Verify_MalformedStoredHash_IsFalse(string stored)
    {
        Assert.False(ApiSecretHasher.Verify("s3cret", stored));
    }
}
