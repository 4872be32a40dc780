using ContactCenter.Sip.Audio;

namespace ContactCenter.Sip.Tests.Audio;

public sealed class G711Tests
{
    [Theory]
    [InlineData((short)0, (byte)0xFF)]
    [InlineData((short)-1, (byte)0x7F)]
    [InlineData(short.MaxValue, (byte)0x80)]
    [InlineData(short.MinValue, (byte)0x00)]
    [InlineData((short)8159, (byte)0x80 + 0x0F + 0x10)]
    public void EncodeMuLaw_KnownSamples_MatchG711(short sample, byte expected) => Assert.Equal(expected, G711.EncodeMuLaw(sample));

    [Theory]
    [InlineData((byte)0xFF, (short)0)]
    [InlineData((byte)0x7F, (short)0)]
    [InlineData((byte)0x80, (short)32124)]
    [InlineData((byte)0x00, (short)-32124)]
    [InlineData((byte)0xFE, (short)8)]
    public void DecodeMuLaw_KnownCodes_MatchG711(byte code, short expected) => Assert.Equal(expected, G711.DecodeMuLaw(code));

    [Theory]
    [InlineData((short)0, (byte)0xD5)]
    [InlineData((short)-8, (byte)0x55)]
    [InlineData(short.MaxValue, (byte)0xAA)]
    [InlineData(short.MinValue, (byte)0x2A)]
    public void EncodeALaw_KnownSamples_MatchG711(short sample, byte expected) => Assert.Equal(expected, G711.EncodeALaw(sample));

    [Theory]
    [InlineData((byte)0xD5, (short)8)]
    [InlineData((byte)0x55, (short)-8)]
    [InlineData((byte)0xAA, (short)32256)]
    [InlineData((byte)0x2A, (short)-32256)]
    public void DecodeALaw_KnownCodes_MatchG711(byte code, short expected) => Assert.Equal(expected, G711.DecodeALaw(code));

    [Fact]
    public void MuLaw_RoundTripOverAllInputs_ErrorWithinHalfStep()
    {
        for (int x = short.MinValue; x <= short.MaxValue; x++)
        {
            var y = G711.DecodeMuLaw(G711.EncodeMuLaw((short)x));
            var error = Math.Abs(x - y);
            // Step size doubles per segment: ≤ 1/16 of the magnitude above the first segment; clipping at ±32635.
            var bound = Math.Max(16, Math.Abs(x) / 16) + (Math.Abs(x) > 32124 ? Math.Abs(x) - 32124 : 0);
            Assert.True(error <= bound, $"x={x} y={y}");
        }
    }

    [Fact]
    public void ALaw_RoundTripOverAllInputs_ErrorWithinHalfStep()
    {
        for (int x = short.MinValue; x <= short.MaxValue; x++)
        {
            var y = G711.DecodeALaw(G711.EncodeALaw((short)x));
            var error = Math.Abs(x - y);
            var bound = Math.Max(16, Math.Abs(x) / 32 + 8);
            Assert.True(error <= bound, $"x={x} y={y}");
        }
    }

    [Fact]
    public void Codes_AllDecodeAndReencodeToThemselves()
    {
        for (var c = 0; c < 256; c++)
        {
            // 0x7F is μ-law's negative zero, which encodes back as positive zero 0xFF.
            if (c != 0x7F)
            {
                Assert.Equal((byte)c, G711.EncodeMuLaw(G711.DecodeMuLaw((byte)c)));
            }
            Assert.Equal((byte)c, G711.EncodeALaw(G711.DecodeALaw((byte)c)));
        }
    }

    [Fact]
    public void SpanOverloads_MatchScalar()
    {
        short[] pcm = [0, 100, -100, 30000, -30000];
        var mu = new byte[5];
        var a = new byte[5];
        var back = new short[5];

        G711.EncodeMuLaw(pcm, mu);
        G711.EncodeALaw(pcm, a);
        G711.DecodeALaw(a, back);

        for (var i = 0; i < pcm.Length; i++)
        {
            Assert.Equal(G711.EncodeMuLaw(pcm[i]), mu[i]);
            Assert.Equal(G711.DecodeALaw(G711.EncodeALaw(pcm[i])), back[i]);
        }
    }
}
