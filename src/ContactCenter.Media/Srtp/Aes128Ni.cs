using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using AesNi = System.Runtime.Intrinsics.X86.Aes;

namespace ContactCenter.Media.Srtp;

/// <summary>
/// AES-128 encryption (FIPS-197) on AES-NI, and the counter-mode keystream both GCM (SP 800-38D §6.5) and
/// SRTP's AES-CM (RFC 3711 §4.1.1) are built on. The round keys are expanded once; calls allocate nothing.
/// Use only where <see cref="IsSupported"/>. Read-only after construction.
/// </summary>
internal sealed class Aes128Ni : IDisposable
{
    public const int KeySize = 16;

    // AES-128 has 10 rounds, so 11 round keys (FIPS-197 §5.1, Nr = 10).
    private const int RoundKeyCount = 11;

    private readonly Vector128<byte>[] _roundKeys = new Vector128<byte>[RoundKeyCount];
    private bool _disposed;

    public Aes128Ni(ReadOnlySpan<byte> key)
    {
        if (!IsSupported)
        {
            throw new PlatformNotSupportedException("Aes128Ni needs AES-NI and SSE4.1.");
        }

        if (key.Length != KeySize)
        {
            throw new ArgumentException($"An AES-128 key has {KeySize} bytes.", nameof(key));
        }

        ExpandKey(key, _roundKeys);
    }

    /// <summary>True when this CPU has AES-NI and the SSE levels used around it.</summary>
    public static bool IsSupported => AesNi.IsSupported && Sse41.IsSupported;

    /// <summary>Zeroes the round keys; later calls throw rather than encrypt under an all-zero schedule.</summary>
    public void Dispose()
    {
        _disposed = true;
        Array.Clear(_roundKeys);
    }

    /// <summary>
    /// FIPS-197 §5.2 key expansion for Nk = 4: each round key's first word is the previous round key's last word
    /// through RotWord, SubWord and XOR Rcon; each further word XORs the word before it with the word four back.
    /// AESKEYGENASSIST computes SubWord(RotWord(w)) XOR Rcon of the last word (lane 3).
    /// </summary>
    private static void ExpandKey(ReadOnlySpan<byte> key, Span<Vector128<byte>> roundKeys)
    {
        var k = Vector128.Create(key);
        roundKeys[0] = k;
        roundKeys[1] = k = NextRoundKey(k, AesNi.KeygenAssist(k, 0x01));
        roundKeys[2] = k = NextRoundKey(k, AesNi.KeygenAssist(k, 0x02));
        roundKeys[3] = k = NextRoundKey(k, AesNi.KeygenAssist(k, 0x04));
        roundKeys[4] = k = NextRoundKey(k, AesNi.KeygenAssist(k, 0x08));
        roundKeys[5] = k = NextRoundKey(k, AesNi.KeygenAssist(k, 0x10));
        roundKeys[6] = k = NextRoundKey(k, AesNi.KeygenAssist(k, 0x20));
        roundKeys[7] = k = NextRoundKey(k, AesNi.KeygenAssist(k, 0x40));
        roundKeys[8] = k = NextRoundKey(k, AesNi.KeygenAssist(k, 0x80));
        roundKeys[9] = k = NextRoundKey(k, AesNi.KeygenAssist(k, 0x1B));
        roundKeys[10] = NextRoundKey(k, AesNi.KeygenAssist(k, 0x36));
    }

    private static Vector128<byte> NextRoundKey(Vector128<byte> previous, Vector128<byte> assist)
    {
        // Broadcast lane 3, SubWord(RotWord(w3)) XOR Rcon, to all four words.
        var t = Sse2.Shuffle(assist.AsUInt32(), 0xFF).AsByte();

        // Prefix XOR of the previous words: word i becomes w0 ^ … ^ wi, then every word takes t.
        previous ^= Sse2.ShiftLeftLogical128BitLane(previous, 4);
        previous ^= Sse2.ShiftLeftLogical128BitLane(previous, 4);
        previous ^= Sse2.ShiftLeftLogical128BitLane(previous, 4);
        return previous ^ t;
    }

    /// <summary>CIPH_K of one block: FIPS-197 §5.1 AddRoundKey, 9 full rounds, and the last round without MixColumns.</summary>
    public Vector128<byte> EncryptBlock(Vector128<byte> block)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var keys = _roundKeys;
        block ^= keys[0];
        for (int r = 1; r < RoundKeyCount - 1; r++)
        {
            block = AesNi.Encrypt(block, keys[r]);
        }

        return AesNi.EncryptLast(block, keys[RoundKeyCount - 1]);
    }

    // Counter block n: the base block with the big-endian 32-bit counter n XORed into its last four bytes.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> CounterBlock(Vector128<byte> start, uint last, uint counter) =>
        start.AsUInt32().WithElement(3, last ^ BinaryPrimitives.ReverseEndianness(counter)).AsByte();

    /// <summary>
    /// Counter mode: output = input XOR CIPH_K(counter blocks), where block n (from <paramref name="firstCounter"/>)
    /// is <paramref name="start"/> with the big-endian 32-bit n XORed into its last four bytes. GCM passes
    /// IV ‖ 0^32 and 2, which gives inc32 of J0 (SP 800-38D §6.5, §7.1 step 3); AES-CM passes its IV, whose low
    /// 16 bits are zero, and 0 (RFC 3711 §4.1.1). Eight blocks per iteration keep the AES units busy, since one
    /// AESENC waits on the previous round of the same block. Input and output are the same buffer or disjoint;
    /// callers bound the length so that the counter does not wrap.
    /// </summary>
    public void ApplyKeystream(Vector128<byte> start, uint firstCounter, ReadOnlySpan<byte> input, Span<byte> output)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (output.Length < input.Length)
        {
            throw new ArgumentException("The output is shorter than the input.", nameof(output));
        }

        uint last = start.AsUInt32().GetElement(3);
        ref byte src = ref MemoryMarshal.GetReference(input);
        ref byte dst = ref MemoryMarshal.GetReference(output);
        var keys = _roundKeys;
        var k0 = keys[0];
        var kLast = keys[RoundKeyCount - 1];
        int length = input.Length;
        nuint offset = 0;
        uint counter = firstCounter;

        for (; length - (int)offset >= 128; offset += 128, counter += 8)
        {
            var b0 = CounterBlock(start, last, counter) ^ k0;
            var b1 = CounterBlock(start, last, counter + 1) ^ k0;
            var b2 = CounterBlock(start, last, counter + 2) ^ k0;
            var b3 = CounterBlock(start, last, counter + 3) ^ k0;
            var b4 = CounterBlock(start, last, counter + 4) ^ k0;
            var b5 = CounterBlock(start, last, counter + 5) ^ k0;
            var b6 = CounterBlock(start, last, counter + 6) ^ k0;
            var b7 = CounterBlock(start, last, counter + 7) ^ k0;
            for (int r = 1; r < RoundKeyCount - 1; r++)
            {
                var k = keys[r];
                b0 = AesNi.Encrypt(b0, k);
                b1 = AesNi.Encrypt(b1, k);
                b2 = AesNi.Encrypt(b2, k);
                b3 = AesNi.Encrypt(b3, k);
                b4 = AesNi.Encrypt(b4, k);
                b5 = AesNi.Encrypt(b5, k);
                b6 = AesNi.Encrypt(b6, k);
                b7 = AesNi.Encrypt(b7, k);
            }

            (Vector128.LoadUnsafe(ref src, offset) ^ AesNi.EncryptLast(b0, kLast)).StoreUnsafe(ref dst, offset);
            (Vector128.LoadUnsafe(ref src, offset + 16) ^ AesNi.EncryptLast(b1, kLast)).StoreUnsafe(ref dst, offset + 16);
            (Vector128.LoadUnsafe(ref src, offset + 32) ^ AesNi.EncryptLast(b2, kLast)).StoreUnsafe(ref dst, offset + 32);
            (Vector128.LoadUnsafe(ref src, offset + 48) ^ AesNi.EncryptLast(b3, kLast)).StoreUnsafe(ref dst, offset + 48);
            (Vector128.LoadUnsafe(ref src, offset + 64) ^ AesNi.EncryptLast(b4, kLast)).StoreUnsafe(ref dst, offset + 64);
            (Vector128.LoadUnsafe(ref src, offset + 80) ^ AesNi.EncryptLast(b5, kLast)).StoreUnsafe(ref dst, offset + 80);
            (Vector128.LoadUnsafe(ref src, offset + 96) ^ AesNi.EncryptLast(b6, kLast)).StoreUnsafe(ref dst, offset + 96);
            (Vector128.LoadUnsafe(ref src, offset + 112) ^ AesNi.EncryptLast(b7, kLast)).StoreUnsafe(ref dst, offset + 112);
        }

        if (length - (int)offset >= 64)
        {
            Encrypt4(start, last, counter, out var s0, out var s1, out var s2, out var s3);
            (Vector128.LoadUnsafe(ref src, offset) ^ s0).StoreUnsafe(ref dst, offset);
            (Vector128.LoadUnsafe(ref src, offset + 16) ^ s1).StoreUnsafe(ref dst, offset + 16);
            (Vector128.LoadUnsafe(ref src, offset + 32) ^ s2).StoreUnsafe(ref dst, offset + 32);
            (Vector128.LoadUnsafe(ref src, offset + 48) ^ s3).StoreUnsafe(ref dst, offset + 48);
            offset += 64;
            counter += 4;
        }

        int rest = length - (int)offset;
        if (rest > 0)
        {
            // Up to four blocks, the last possibly partial (§6.5 step 7: MSB of the last keystream block).
            // Going through a 64-byte scratch copy keeps every load and store inside the spans.
            Encrypt4(start, last, counter, out var s0, out var s1, out var s2, out var s3);
            Span<byte> scratch = stackalloc byte[64];
            input.Slice((int)offset).CopyTo(scratch);
            ref byte t = ref MemoryMarshal.GetReference(scratch);
            (Vector128.LoadUnsafe(ref t) ^ s0).StoreUnsafe(ref t);
            (Vector128.LoadUnsafe(ref t, 16) ^ s1).StoreUnsafe(ref t, 16);
            (Vector128.LoadUnsafe(ref t, 32) ^ s2).StoreUnsafe(ref t, 32);
            (Vector128.LoadUnsafe(ref t, 48) ^ s3).StoreUnsafe(ref t, 48);
            scratch.Slice(0, rest).CopyTo(output.Slice((int)offset));
            scratch.Clear();
        }
    }

    // Four keystream blocks at once, for the tail of a packet.
    private void Encrypt4(
        Vector128<byte> start, uint last, uint counter,
        out Vector128<byte> s0, out Vector128<byte> s1, out Vector128<byte> s2, out Vector128<byte> s3)
    {
        var keys = _roundKeys;
        var k0 = keys[0];
        var b0 = CounterBlock(start, last, counter) ^ k0;
        var b1 = CounterBlock(start, last, counter + 1) ^ k0;
        var b2 = CounterBlock(start, last, counter + 2) ^ k0;
        var b3 = CounterBlock(start, last, counter + 3) ^ k0;
        for (int r = 1; r < RoundKeyCount - 1; r++)
        {
            var k = keys[r];
            b0 = AesNi.Encrypt(b0, k);
            b1 = AesNi.Encrypt(b1, k);
            b2 = AesNi.Encrypt(b2, k);
            b3 = AesNi.Encrypt(b3, k);
        }

        var kLast = keys[RoundKeyCount - 1];
        s0 = AesNi.EncryptLast(b0, kLast);
        s1 = AesNi.EncryptLast(b1, kLast);
        s2 = AesNi.EncryptLast(b2, kLast);
        s3 = AesNi.EncryptLast(b3, kLast);
    }
}
