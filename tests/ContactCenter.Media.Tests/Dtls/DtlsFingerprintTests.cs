using ContactCenter.Media.Dtls;

namespace ContactCenter.Media.Tests.Dtls;

public sealed class DtlsFingerprintTests
{
    [Fact]
    public void ToString_ThenTryParse_RoundTrips()
    {
        var fingerprint = DtlsCertificate.Shared.Fingerprint;

        Assert.True(DtlsFingerprint.TryParse(fingerprint.ToString(), out var parsed));
        Assert.Equal("sha-256", parsed!.Algorithm);
        Assert.Equal(fingerprint.Value, parsed.Value);
        Assert.Matches("^sha-256 ([0-9A-F]{2}:){31}[0-9A-F]{2}$", fingerprint.ToString());
        Assert.True(parsed.Matches(DtlsCertificate.Shared.DerEncoded));
    }

    [Theory]
    [InlineData("")]
    [InlineData("sha-256")]
    [InlineData("sha-256 AB:CD")]
    [InlineData("md5 AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89")]
    [InlineData("sha-1 ZZ:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01")]
    public void TryParse_Malformed_ReturnsFalse(string text)
    {
        Assert.False(DtlsFingerprint.TryParse(text, out _));
    }

    [Fact]
    public void Matches_OtherCertificate_ReturnsFalse()
    {
        Assert.False(DtlsCertificate.Shared.Fingerprint.Matches(DtlsCertificate.Generate().DerEncoded));
    }
}
