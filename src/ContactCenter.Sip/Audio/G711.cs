namespace ContactCenter.Sip.Audio;

/// <summary>
/// ITU-T G.711 μ-law (PCMU) and A-law (PCMA) companding on 16-bit linear samples. Encoding goes through
/// 64 KiB tables built once from the segment rules, decoding through 256-entry tables, so the hot path is
/// one load per sample.
/// </summary>
public static class G711
{
    private const int MuLawBias = 0x84;
    private const int MuLawClip = 32635;

    private static readonly byte[] s_linearToMuLaw = BuildEncodeTable(EncodeMuLawSlow);
    private static readonly byte[] s_linearToALaw = BuildEncodeTable(EncodeALawSlow);
    private static readonly short[] s_muLawToLinear = BuildDecodeTable(DecodeMuLawSlow);
    private static readonly short[] s_aLawToLinear = BuildDecodeTable(DecodeALawSlow);

    public static byte EncodeMuLaw(short sample) => s_linearToMuLaw[(ushort)sample];
    public static byte EncodeALaw(short sample) => s_linearToALaw[(ushort)sample];
    public static short DecodeMuLaw(byte code) => s_muLawToLinear[code];
    public static short DecodeALaw(byte code) => s_aLawToLinear[code];

    public static void EncodeMuLaw(ReadOnlySpan<short> pcm, Span<byte> destination)
    {
        for (var i = 0; i < pcm.Length; i++)
        {
            destination[i] = s_linearToMuLaw[(ushort)pcm[i]];
        }
    }

    public static void EncodeALaw(ReadOnlySpan<short> pcm, Span<byte> destination)
    {
        for (var i = 0; i < pcm.Length; i++)
        {
            destination[i] = s_linearToALaw[(ushort)pcm[i]];
        }
    }

    public static void DecodeMuLaw(ReadOnlySpan<byte> codes, Span<short> destination)
    {
        for (var i = 0; i < codes.Length; i++)
        {
            destination[i] = s_muLawToLinear[codes[i]];
        }
    }

    public static void DecodeALaw(ReadOnlySpan<byte> codes, Span<short> destination)
    {
        for (var i = 0; i < codes.Length; i++)
        {
            destination[i] = s_aLawToLinear[codes[i]];
        }
    }

    /// <summary>μ-law: add the bias, find the segment (exponent) from the top set bit, keep 4 mantissa bits, invert.</summary>
    private static byte EncodeMuLawSlow(short sample)
    {
        int value = sample;
        var sign = 0;
        if (value < 0)
        {
            sign = 0x80;
            value = -value;
        }
        value = Math.Min(value, MuLawClip) + MuLawBias;
        var exponent = 7;
        for (var mask = 0x4000; (value & mask) == 0 && exponent > 0; mask >>= 1)
        {
            exponent--;
        }
        var mantissa = (value >> (exponent + 3)) & 0x0F;
        return (byte)~(sign | (exponent << 4) | mantissa);
    }

    private static short DecodeMuLawSlow(byte code)
    {
        var u = ~code & 0xFF;
        var exponent = (u >> 4) & 0x07;
        var mantissa = u & 0x0F;
        var magnitude = (((mantissa << 3) + MuLawBias) << exponent) - MuLawBias;
        return (short)((u & 0x80) != 0 ? -magnitude : magnitude);
    }

    /// <summary>A-law works on 13 bits: segment from the magnitude, 4 mantissa bits, even bits toggled (XOR 0x55).</summary>
    private static byte EncodeALawSlow(short sample)
    {
        var value = sample >> 3;
        int mask;
        if (value >= 0)
        {
            mask = 0xD5;
        }
        else
        {
            mask = 0x55;
            value = -value - 1;
        }
        var segment = 0;
        while (segment < 8 && value > (0x20 << segment) - 1)
        {
            segment++;
        }
        if (segment >= 8)
        {
            return (byte)(0x7F ^ mask);
        }
        var code = segment << 4;
        code |= segment < 2 ? (value >> 1) & 0x0F : (value >> segment) & 0x0F;
        return (byte)(code ^ mask);
    }

    private static short DecodeALawSlow(byte code)
    {
        var a = code ^ 0x55;
        var magnitude = (a & 0x0F) << 4;
        var segment = (a & 0x70) >> 4;
        magnitude = segment switch
        {
            0 => magnitude + 8,
            1 => magnitude + 0x108,
            _ => (magnitude + 0x108) << (segment - 1),
        };
        return (short)((a & 0x80) != 0 ? magnitude : -magnitude);
    }

    private static byte[] BuildEncodeTable(Func<short, byte> encode)
    {
        var table = new byte[65536];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = encode((short)(ushort)i);
        }
        return table;
    }

    private static short[] BuildDecodeTable(Func<byte, short> decode)
    {
        var table = new short[256];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = decode((byte)i);
        }
        return table;
    }
}
