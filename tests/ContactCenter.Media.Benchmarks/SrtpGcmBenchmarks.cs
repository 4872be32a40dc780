using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using ContactCenter.Media.Srtp;

namespace ContactCenter.Media.Benchmarks;

/// <summary>
/// The AEAD_AES_128_GCM primitive alone, as SRTP calls it (in place, 24-byte header as AAD): our
/// <see cref="Aes128Gcm"/> against <see cref="AesGcm"/> (OpenSSL on Linux). Decrypt restores the ciphertext
/// first, which costs a memcpy. The Forged pair checks a wrong tag: what a flood of forged packets costs.
/// </summary>
[MemoryDiagnoser]
public class SrtpGcmBenchmarks
{
    private readonly byte[] _nonce = new byte[12];
    private readonly byte[] _aad = new byte[24];
    private readonly byte[] _tag = new byte[16];
    private readonly byte[] _sealTag = new byte[16];
    private readonly byte[] _forgedTag = new byte[16];
    private AesGcm _openSsl = null!;
    private Aes128Gcm _intrinsics = null!;
    private byte[] _work = null!;
    private byte[] _ciphertext = null!;

    [Params(100, 1200)]
    public int PayloadSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var key = new byte[16];
        new Random(1).NextBytes(key);
        new Random(2).NextBytes(_nonce);
        new Random(3).NextBytes(_aad);
        _openSsl = new AesGcm(key, 16);
        _intrinsics = new Aes128Gcm(key);
        _work = new byte[PayloadSize];
        _ciphertext = new byte[PayloadSize];
        new Random(4).NextBytes(_ciphertext);
        _intrinsics.Encrypt(_nonce, _ciphertext, _ciphertext, _tag, _aad);
        _tag.CopyTo(_forgedTag, 0);
        _forgedTag[0] ^= 1;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _openSsl.Dispose();
        _intrinsics.Dispose();
    }

    [Benchmark(Baseline = true)]
    public void EncryptAesGcm() => _openSsl.Encrypt(_nonce, _work, _work, _sealTag, _aad);

    [Benchmark]
    public void EncryptAes128Gcm() => _intrinsics.Encrypt(_nonce, _work, _work, _sealTag, _aad);

    [Benchmark]
    public void DecryptAesGcm()
    {
        _ciphertext.CopyTo(_work, 0);
        _openSsl.Decrypt(_nonce, _work, _tag, _work, _aad);
    }

    [Benchmark]
    public bool TryDecryptAes128Gcm()
    {
        _ciphertext.CopyTo(_work, 0);
        return _intrinsics.TryDecrypt(_nonce, _work, _tag, _work, _aad);
    }

    [Benchmark]
    public bool ForgedAesGcm()
    {
        _ciphertext.CopyTo(_work, 0);
        try
        {
            _openSsl.Decrypt(_nonce, _work, _forgedTag, _work, _aad);
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    [Benchmark]
    public bool ForgedAes128Gcm()
    {
        _ciphertext.CopyTo(_work, 0);
        return _intrinsics.TryDecrypt(_nonce, _work, _forgedTag, _work, _aad);
    }
}
