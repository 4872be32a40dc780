using System.Numerics;
using System.Runtime.Intrinsics;
using System.Security.Cryptography;

namespace ContactCenter.Media.Srtp;

/// <summary>
/// AES counter mode as SRTP uses it (RFC 3711 §4.1.1): block j is AES(key, IV + j) with j in the low
/// 16 bits. With AES-NI and a 128-bit key the keystream comes from <see cref="Aes128Ni"/>; otherwise from one
/// reused ECB transform over pre-allocated counter blocks, because the one-shot <c>Aes.EncryptEcb</c> creates
/// a native context (and allocates) on every call. Not thread-safe.
/// </summary>
internal sealed class AesCounterMode : IDisposable
{
    /// <summary>Most blocks one IV can address: the block counter has 16 bits.</summary>
    public const int MaxBlocks = 1 << 16;

    private const int ChunkBlocks = 96;
    private const int ChunkBytes = ChunkBlocks * 16;

    private readonly Aes128Ni? _intrinsics;
    private readonly Aes? _aes;
    private readonly ICryptoTransform? _ecb;
    private readonly byte[] _counters = [];
    private readonly byte[] _keystream = [];

    public AesCounterMode(ReadOnlySpan<byte> key)
        : this(key, allowIntrinsics: true)
    {
    }

    /// <summary>Tests pass <paramref name="allowIntrinsics"/> false to run the ECB path on any CPU.</summary>
    internal AesCounterMode(ReadOnlySpan<byte> key, bool allowIntrinsics)
    {
        if (allowIntrinsics && key.Length == Aes128Ni.KeySize && Aes128Ni.IsSupported)
        {
            _intrinsics = new Aes128Ni(key);
            return;
        }

        _counters = new byte[ChunkBytes];
        _keystream = new byte[ChunkBytes];
        _aes = Aes.Create();
        _aes.Key = key.ToArray();
        _aes.Mode = CipherMode.ECB;
        _aes.Padding = PaddingMode.None;
        _ecb = _aes.CreateEncryptor();
    }

    /// <summary>
    /// XORs <paramref name="data"/> with the keystream starting at <paramref name="iv"/> (16 bytes, low 16 bits
    /// zero). False when the data needs more than <see cref="MaxBlocks"/> blocks.
    /// </summary>
    public bool Apply(ReadOnlySpan<byte> iv, Span<byte> data)
    {
        if (data.Length > MaxBlocks * 16)
        {
            return false;
        }

        if (_intrinsics is not null)
        {
            // The IV's low 16 bits are zero, so XORing the block number into its last 32 bits adds it there.
            _intrinsics.ApplyKeystream(Vector128.Create(iv), 0, data, data);
            return true;
        }

        int block = 0;
        while (!data.IsEmpty)
        {
            int chunk = Math.Min(data.Length, ChunkBytes);
            int blocks = (chunk + 15) >> 4;
            for (int i = 0; i < blocks; i++, block++)
            {
                var counter = _counters.AsSpan(i * 16, 16);
                iv.CopyTo(counter);
                counter[14] = (byte)(iv[14] ^ (block >> 8));
                counter[15] = (byte)(iv[15] ^ block);
            }

            int bytes = blocks * 16;
            _ecb!.TransformBlock(_counters, 0, bytes, _keystream, 0);
            Xor(data.Slice(0, chunk), _keystream);
            data = data.Slice(chunk);
        }

        return true;
    }

    public void Dispose()
    {
        _intrinsics?.Dispose();
        _ecb?.Dispose();
        _aes?.Dispose();
        CryptographicOperations.ZeroMemory(_keystream);
    }

    private static void Xor(Span<byte> data, ReadOnlySpan<byte> keystream)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i + Vector<byte>.Count <= data.Length; i += Vector<byte>.Count)
            {
                var d = new Vector<byte>(data.Slice(i));
                var k = new Vector<byte>(keystream.Slice(i));
                (d ^ k).CopyTo(data.Slice(i));
            }
        }

        for (; i < data.Length; i++)
        {
            data[i] ^= keystream[i];
        }
    }
}
