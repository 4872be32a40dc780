using System.Security.Cryptography;
using ContactCenter.Media.Srtp;

namespace ContactCenter.Media.Tests.Srtp;

/// <summary>
/// <see cref="Aes128Gcm"/> against the AES-128 test cases of McGrew and Viega's GCM specification (the ones with
/// 96-bit IVs), against <see cref="AesGcm"/> for every length up to 1,500 bytes, and with tampered input.
/// </summary>
public class Aes128GcmTests
{
    private const string Tc3Key = "feffe9928665731c6d6a8f9467308308";
    private const string Tc3Iv = "cafebabefacedbaddecaf888";
    private const string Tc3Plain =
        "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72" +
        "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255";
    private const string Tc3Cipher =
        "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e" +
        "21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091473f5985";

    public static TheoryData<string, string, string, string, string, string> McGrewViegaVectors => new()
    {
        // Test case 1: zero key, empty plaintext, no AAD.
        { "00000000000000000000000000000000", "000000000000000000000000", "", "", "", "58e2fccefa7e3061367f1d57a4e7455a" },

        // Test case 2: zero key, one zero block.
        {
            "00000000000000000000000000000000", "000000000000000000000000", "00000000000000000000000000000000", "",
            "0388dace60b6a392f328c2b971b2fe78", "ab6e47d42cec13bdf53a67b21257bddf"
        },

        // Test case 3: four whole blocks, no AAD.
        { Tc3Key, Tc3Iv, Tc3Plain, "", Tc3Cipher, "4d5c2af327cd64a62cf35abd2ba6fab4" },

        // Test case 4: 60 bytes (a partial last block) with 20 bytes of AAD.
        {
            Tc3Key, Tc3Iv, Tc3Plain[..120], "feedfacedeadbeeffeedfacedeadbeefabaddad2",
            Tc3Cipher[..120], "5bc94fbc3221a5db94fae95ae7121a47"
        },
    };

    [IntrinsicsTheory]
    [MemberData(nameof(McGrewViegaVectors))]
    public void Encrypt_McGrewViegaVector_MatchesCiphertextAndTag(string key, string iv, string plain, string aad, string cipher, string tag)
    {
        using var gcm = new Aes128Gcm(Convert.FromHexString(key));
        var plaintext = Convert.FromHexString(plain);
        var ciphertext = new byte[plaintext.Length];
        var computedTag = new byte[16];

        gcm.Encrypt(Convert.FromHexString(iv), plaintext, ciphertext, computedTag, Convert.FromHexString(aad));

        Assert.Equal(cipher, Convert.ToHexStringLower(ciphertext));
        Assert.Equal(tag, Convert.ToHexStringLower(computedTag));
    }

    [IntrinsicsTheory]
    [MemberData(nameof(McGrewViegaVectors))]
    public void TryDecrypt_McGrewViegaVectorInPlace_RecoversPlaintext(string key, string iv, string plain, string aad, string cipher, string tag)
    {
        using var gcm = new Aes128Gcm(Convert.FromHexString(key));
        var buffer = Convert.FromHexString(cipher);

        Assert.True(gcm.TryDecrypt(Convert.FromHexString(iv), buffer, Convert.FromHexString(tag), buffer, Convert.FromHexString(aad)));

        Assert.Equal(plain, Convert.ToHexStringLower(buffer));
    }

    [IntrinsicsFact]
    public void Encrypt_EveryLength0To1500WithAndWithoutAad_MatchesAesGcm()
    {
        int[] aadLengths = [1, 8, 12, 15, 16, 17, 20, 24, 31, 32, 33, 48, 64, 65, 100];
        var random = new Random(20240715);
        for (int length = 0; length <= 1500; length++)
        {
            CrossCheck(random, length, 0);
            CrossCheck(random, length, aadLengths[length % aadLengths.Length]);
        }
    }

    [IntrinsicsFact]
    public void Encrypt_AadOnlyAndAadLengths0To300_MatchAesGcm()
    {
        var random = new Random(4711);
        foreach (int length in (int[])[0, 1, 16, 100, 1200])
        {
            for (int aadLength = 0; aadLength <= 300; aadLength++)
            {
                CrossCheck(random, length, aadLength);
            }
        }
    }

    [IntrinsicsFact]
    public void Encrypt_InPlace_MatchesSeparateBuffers()
    {
        var (gcm, nonce, plaintext, aad) = Sample(seed: 1, length: 1200, aadLength: 24);
        using var _ = gcm;
        var ciphertext = new byte[plaintext.Length];
        var tag = new byte[16];
        gcm.Encrypt(nonce, plaintext, ciphertext, tag, aad);
        var buffer = (byte[])plaintext.Clone();
        var inPlaceTag = new byte[16];

        gcm.Encrypt(nonce, buffer, buffer, inPlaceTag, aad);

        Assert.Equal(ciphertext, buffer);
        Assert.Equal(tag, inPlaceTag);
    }

    [IntrinsicsFact]
    public void TryDecrypt_AnyTagBitFlipped_ReturnsFalseAndLeavesBufferUntouched()
    {
        var (gcm, nonce, ciphertext, tag, aad) = Sealed(seed: 2, length: 100, aadLength: 24);
        using var _ = gcm;
        for (int bit = 0; bit < 128; bit++)
        {
            var badTag = (byte[])tag.Clone();
            badTag[bit / 8] ^= (byte)(1 << (bit % 8));
            var buffer = (byte[])ciphertext.Clone();

            Assert.False(gcm.TryDecrypt(nonce, buffer, badTag, buffer, aad));
            Assert.Equal(ciphertext, buffer);
        }
    }

    [IntrinsicsFact]
    public void TryDecrypt_AnyCiphertextByteChanged_ReturnsFalseAndLeavesBufferUntouched()
    {
        var (gcm, nonce, ciphertext, tag, aad) = Sealed(seed: 3, length: 200, aadLength: 12);
        using var _ = gcm;
        for (int i = 0; i < ciphertext.Length; i++)
        {
            var buffer = (byte[])ciphertext.Clone();
            buffer[i] ^= 0x01;
            var tampered = (byte[])buffer.Clone();

            Assert.False(gcm.TryDecrypt(nonce, buffer, tag, buffer, aad));
            Assert.Equal(tampered, buffer);
        }
    }

    [IntrinsicsFact]
    public void TryDecrypt_AnyAadByteChanged_ReturnsFalseAndLeavesBufferUntouched()
    {
        var (gcm, nonce, ciphertext, tag, aad) = Sealed(seed: 4, length: 100, aadLength: 24);
        using var _ = gcm;
        for (int i = 0; i < aad.Length; i++)
        {
            var badAad = (byte[])aad.Clone();
            badAad[i] ^= 0x80;
            var buffer = (byte[])ciphertext.Clone();

            Assert.False(gcm.TryDecrypt(nonce, buffer, tag, buffer, badAad));
            Assert.Equal(ciphertext, buffer);
        }
    }

    [IntrinsicsFact]
    public void TryDecrypt_TruncatedOrExtendedAadOrWrongNonce_ReturnsFalse()
    {
        var (gcm, nonce, ciphertext, tag, aad) = Sealed(seed: 5, length: 100, aadLength: 24);
        using var _ = gcm;
        var wrongNonce = (byte[])nonce.Clone();
        wrongNonce[11] ^= 1;
        var output = new byte[ciphertext.Length];

        Assert.False(gcm.TryDecrypt(nonce, ciphertext, tag, output, aad.AsSpan(0, 23)));
        Assert.False(gcm.TryDecrypt(nonce, ciphertext, tag, output, [.. aad, 0]));
        Assert.False(gcm.TryDecrypt(wrongNonce, ciphertext, tag, output, aad));
        Assert.False(gcm.TryDecrypt(nonce, ciphertext.AsSpan(0, 99), tag, output.AsSpan(0, 99), aad));
        Assert.All(output, b => Assert.Equal(0, b));
    }

    [IntrinsicsFact]
    public void TryDecrypt_SeparateOutputOnFailure_LeavesOutputUntouched()
    {
        var (gcm, nonce, ciphertext, tag, aad) = Sealed(seed: 6, length: 300, aadLength: 16);
        using var _ = gcm;
        tag[0] ^= 1;
        var output = new byte[ciphertext.Length];
        Array.Fill(output, (byte)0xA5);

        Assert.False(gcm.TryDecrypt(nonce, ciphertext, tag, output, aad));

        Assert.All(output, b => Assert.Equal(0xA5, b));
    }

    [IntrinsicsFact]
    public void Methods_BadLengthsOrPartialOverlap_Throw()
    {
        using var gcm = new Aes128Gcm(new byte[16]);
        var buffer = new byte[64];
        var tag = new byte[16];

        Assert.Throws<ArgumentException>(() => new Aes128Gcm(new byte[32]));
        Assert.Throws<ArgumentException>(() => gcm.Encrypt(new byte[8], buffer, buffer, tag));
        Assert.Throws<ArgumentException>(() => gcm.Encrypt(new byte[12], buffer, buffer, new byte[12]));
        Assert.Throws<ArgumentException>(() => gcm.Encrypt(new byte[12], buffer, new byte[63], tag));
        Assert.Throws<ArgumentException>(() => gcm.Encrypt(new byte[12], buffer.AsSpan(0, 32), buffer.AsSpan(16, 32), tag));
        Assert.Throws<ArgumentException>(() => gcm.TryDecrypt(new byte[12], buffer.AsSpan(16, 32), tag, buffer.AsSpan(0, 32)));
    }

    [IntrinsicsFact]
    public void Methods_AfterDispose_ThrowInsteadOfUsingZeroedKeys()
    {
        var gcm = new Aes128Gcm(new byte[16]);
        var buffer = new byte[32];
        var tag = new byte[16];
        gcm.Dispose();

        Assert.Throws<ObjectDisposedException>(() => gcm.Encrypt(new byte[12], buffer, buffer, tag));
        Assert.Throws<ObjectDisposedException>(() => gcm.Encrypt(new byte[12], [], [], tag));
        Assert.Throws<ObjectDisposedException>(() => gcm.TryDecrypt(new byte[12], buffer, tag, buffer));
    }

    // Encrypts one random message with both implementations, compares, and decrypts each one's output with the other.
    private static void CrossCheck(Random random, int length, int aadLength)
    {
        var key = new byte[16];
        var nonce = new byte[12];
        var plaintext = new byte[length];
        var aad = new byte[aadLength];
        random.NextBytes(key);
        random.NextBytes(nonce);
        random.NextBytes(plaintext);
        random.NextBytes(aad);
        using var ours = new Aes128Gcm(key);
        using var reference = new AesGcm(key, 16);
        var ciphertext = new byte[length];
        var tag = new byte[16];
        var expected = new byte[length];
        var expectedTag = new byte[16];

        ours.Encrypt(nonce, plaintext, ciphertext, tag, aad);
        reference.Encrypt(nonce, plaintext, expected, expectedTag, aad);

        string where = $"length {length}, AAD {aadLength}";
        Assert.True(expected.AsSpan().SequenceEqual(ciphertext), "ciphertext differs at " + where);
        Assert.True(expectedTag.AsSpan().SequenceEqual(tag), "tag differs at " + where);
        Assert.True(ours.TryDecrypt(nonce, expected, expectedTag, expected, aad), "decrypt failed at " + where);
        Assert.True(plaintext.AsSpan().SequenceEqual(expected), "plaintext differs at " + where);
        reference.Decrypt(nonce, ciphertext, tag, ciphertext, aad);
        Assert.True(plaintext.AsSpan().SequenceEqual(ciphertext), "AesGcm plaintext differs at " + where);
    }

    private static (Aes128Gcm Gcm, byte[] Nonce, byte[] Plaintext, byte[] Aad) Sample(int seed, int length, int aadLength)
    {
        var random = new Random(seed);
        var key = new byte[16];
        var nonce = new byte[12];
        var plaintext = new byte[length];
        var aad = new byte[aadLength];
        random.NextBytes(key);
        random.NextBytes(nonce);
        random.NextBytes(plaintext);
        random.NextBytes(aad);
        return (new Aes128Gcm(key), nonce, plaintext, aad);
    }

    private static (Aes128Gcm Gcm, byte[] Nonce, byte[] Ciphertext, byte[] Tag, byte[] Aad) Sealed(int seed, int length, int aadLength)
    {
        var (gcm, nonce, plaintext, aad) = Sample(seed, length, aadLength);
        var tag = new byte[16];
        gcm.Encrypt(nonce, plaintext, plaintext, tag, aad);
        return (gcm, nonce, plaintext, tag, aad);
    }
}
