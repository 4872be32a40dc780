using System.Security.Cryptography;

namespace ContactCenter.Media.Srtp;

/// <summary>
/// AEAD_AES_128_GCM with a 16-byte tag for SRTP and SRTCP (RFC 7714): <see cref="Aes128Gcm"/> where the CPU
/// has AES-NI and PCLMULQDQ, otherwise <see cref="AesGcm"/>, so that the packets are the same everywhere and
/// only the speed differs. Holds the per-key state, built once per session key.
/// </summary>
/// <remarks>
/// After a false <see cref="TryDecrypt"/> the plaintext buffer must be treated as garbage: the intrinsics path
/// leaves it untouched, <see cref="AesGcm"/> zeroes it.
/// </remarks>
internal sealed class SrtpGcm : IDisposable
{
    public const int TagSize = 16;

    private readonly Aes128Gcm? _intrinsics;
    private readonly AesGcm? _portable;

    public SrtpGcm(ReadOnlySpan<byte> key)
        : this(key, allowIntrinsics: true)
    {
    }

    /// <summary>Tests pass <paramref name="allowIntrinsics"/> false to run the portable path on any CPU.</summary>
    internal SrtpGcm(ReadOnlySpan<byte> key, bool allowIntrinsics)
    {
        if (allowIntrinsics && Aes128Gcm.IsSupported)
        {
            _intrinsics = new Aes128Gcm(key);
        }
        else
        {
            _portable = new AesGcm(key, TagSize);
        }
    }

    /// <summary>True when calls run on <see cref="Aes128Gcm"/>.</summary>
    public bool UsesIntrinsics => _intrinsics is not null;

    /// <summary>Encrypts <paramref name="plaintext"/> into <paramref name="ciphertext"/> (may be the same buffer) and writes the tag.</summary>
    public void Encrypt(
        ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, Span<byte> ciphertext, Span<byte> tag, ReadOnlySpan<byte> aad)
    {
        if (_intrinsics is not null)
        {
            _intrinsics.Encrypt(nonce, plaintext, ciphertext, tag, aad);
        }
        else
        {
            _portable!.Encrypt(nonce, plaintext, ciphertext, tag, aad);
        }
    }

    /// <summary>Authenticates and decrypts (may be in place); false when the tag does not match.</summary>
    public bool TryDecrypt(
        ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> tag, Span<byte> plaintext, ReadOnlySpan<byte> aad)
    {
        if (_intrinsics is not null)
        {
            return _intrinsics.TryDecrypt(nonce, ciphertext, tag, plaintext, aad);
        }

        // AesGcm reports a bad tag only by throwing (slow, but only on CPUs without AES-NI/PCLMULQDQ).
        try
        {
            _portable!.Decrypt(nonce, ciphertext, tag, plaintext, aad);
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        _intrinsics?.Dispose();
        _portable?.Dispose();
    }
}
