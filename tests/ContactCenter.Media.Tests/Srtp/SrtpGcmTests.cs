using ContactCenter.Media.Srtp;

namespace ContactCenter.Media.Tests.Srtp;

/// <summary><see cref="SrtpGcm"/>: both of its paths give the same packets and reject the same forgeries.</summary>
public class SrtpGcmTests
{
    [Fact]
    public void Constructor_CpuWithAesNiAndPclmulqdq_UsesIntrinsics()
    {
        using var gcm = new SrtpGcm(new byte[16]);
        using var portable = new SrtpGcm(new byte[16], allowIntrinsics: false);

        Assert.Equal(Aes128Gcm.IsSupported, gcm.UsesIntrinsics);
        Assert.False(portable.UsesIntrinsics);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(60, 12)]
    [InlineData(100, 24)]
    [InlineData(160, 16)]
    [InlineData(1200, 24)]
    [InlineData(0, 28)]
    public void Encrypt_BothPaths_SameOutputAndEachDecryptsTheOther(int length, int aadLength)
    {
        var random = new Random(length * 31 + aadLength);
        var key = new byte[16];
        var nonce = new byte[12];
        var plaintext = new byte[length];
        var aad = new byte[aadLength];
        random.NextBytes(key);
        random.NextBytes(nonce);
        random.NextBytes(plaintext);
        random.NextBytes(aad);
        using var fast = new SrtpGcm(key);
        using var portable = new SrtpGcm(key, allowIntrinsics: false);
        var a = (byte[])plaintext.Clone();
        var b = (byte[])plaintext.Clone();
        var tagA = new byte[16];
        var tagB = new byte[16];

        fast.Encrypt(nonce, a, a, tagA, aad);
        portable.Encrypt(nonce, b, b, tagB, aad);

        Assert.Equal(b, a);
        Assert.Equal(tagB, tagA);
        Assert.True(fast.TryDecrypt(nonce, b, tagB, b, aad));
        Assert.True(portable.TryDecrypt(nonce, a, tagA, a, aad));
        Assert.Equal(plaintext, a);
        Assert.Equal(plaintext, b);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void TryDecrypt_TamperedTag_ReturnsFalseWithoutThrowing(bool allowIntrinsics)
    {
        using var gcm = new SrtpGcm(new byte[16], allowIntrinsics);
        var nonce = new byte[12];
        var data = new byte[100];
        var tag = new byte[16];
        gcm.Encrypt(nonce, data, data, tag, [1, 2, 3]);
        tag[15] ^= 1;

        Assert.False(gcm.TryDecrypt(nonce, data, tag, data, [1, 2, 3]));
    }
}
