using ContactCenter.Media.Srtp;

namespace ContactCenter.Media.Tests.Srtp;

/// <summary>
/// <see cref="AesCounterMode"/>'s AES-NI keystream against its ECB path; the RFC 3711 B.2 vector in
/// <see cref="SrtpVectorTests"/> checks whichever path the CPU gets.
/// </summary>
public class AesCounterModeTests
{
    [Fact]
    public void Apply_EveryLength0To1500_SameAsEcbPath()
    {
        var random = new Random(3711);
        var key = new byte[16];
        var iv = new byte[16];
        for (int length = 0; length <= 1500; length++)
        {
            random.NextBytes(key);
            random.NextBytes(iv);
            iv[14] = 0;
            iv[15] = 0;
            var data = new byte[length];
            random.NextBytes(data);
            var expected = (byte[])data.Clone();
            using var fast = new AesCounterMode(key);
            using var ecb = new AesCounterMode(key, allowIntrinsics: false);

            Assert.True(fast.Apply(iv, data));
            Assert.True(ecb.Apply(iv, expected));

            Assert.True(expected.AsSpan().SequenceEqual(data), $"keystream differs at length {length}");
        }
    }

    [Fact]
    public void Apply_MaxBlocksAndOneByteMore_SameAsEcbPathThenRefused()
    {
        var key = new byte[16];
        new Random(7).NextBytes(key);
        var iv = new byte[16];
        iv[0] = 0xF0;
        var data = new byte[AesCounterMode.MaxBlocks * 16];
        var expected = new byte[data.Length];
        using var fast = new AesCounterMode(key);
        using var ecb = new AesCounterMode(key, allowIntrinsics: false);

        Assert.True(fast.Apply(iv, data));
        Assert.True(ecb.Apply(iv, expected));
        Assert.True(expected.AsSpan().SequenceEqual(data));
        Assert.False(fast.Apply(iv, new byte[data.Length + 1]));
    }
}
