using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using AesNi = System.Runtime.Intrinsics.X86.Aes;

namespace ContactCenter.Media.Srtp;

/// <summary>The AES-128 block cipher (FIPS-197) and the GCTR keystream (SP 800-38D §6.5).</summary>
internal sealed partial class Aes128Gcm
{
    // Counter blocks of the payload start at inc32(J0), the 32-bit counter 2 (§7.1 step 3); J0 itself masks the tag.
    private const uint FirstPayloadCounter = 2;

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

    // FIPS-197 §5.1: AddRoundKey, 9 full rounds, and the last round without MixColumns.
    private Vector128<byte> EncryptBlock(Vector128<byte> block)
    {
        var keys = _roundKeys;
        block ^= keys[0];
        for (int r = 1; r < RoundKeyCount - 1; r++)
        {
            block = AesNi.Encrypt(block, keys[r]);
        }

        return AesNi.EncryptLast(block, keys[RoundKeyCount - 1]);
    }

    // inc32 applied n - 1 times to J0: the low 32 bits of the block, big-endian, hold the counter (§6.2).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> CounterBlock(Vector128<byte> j0, uint counter) =>
        j0.AsUInt32().WithElement(3, BinaryPrimitives.ReverseEndianness(counter)).AsByte();

    /// <summary>
    /// GCTR (§6.5) from inc32(J0): output = input XOR CIPH_K(counter blocks). Eight blocks per iteration keep
    /// the AES units busy, since one AESENC waits on the previous round of the same block. The counter cannot
    /// wrap: a span holds fewer than 2^27 blocks.
    /// </summary>
    private void ApplyKeystream(Vector128<byte> j0, ReadOnlySpan<byte> input, Span<byte> output)
    {
        ref byte src = ref MemoryMarshal.GetReference(input);
        ref byte dst = ref MemoryMarshal.GetReference(output);
        var keys = _roundKeys;
        var k0 = keys[0];
        var kLast = keys[RoundKeyCount - 1];
        int length = input.Length;
        nuint offset = 0;
        uint counter = FirstPayloadCounter;

        for (; length - (int)offset >= 128; offset += 128, counter += 8)
        {
            var b0 = CounterBlock(j0, counter) ^ k0;
            var b1 = CounterBlock(j0, counter + 1) ^ k0;
            var b2 = CounterBlock(j0, counter + 2) ^ k0;
            var b3 = CounterBlock(j0, counter + 3) ^ k0;
            var b4 = CounterBlock(j0, counter + 4) ^ k0;
            var b5 = CounterBlock(j0, counter + 5) ^ k0;
            var b6 = CounterBlock(j0, counter + 6) ^ k0;
            var b7 = CounterBlock(j0, counter + 7) ^ k0;
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
            Encrypt4(j0, counter, out var s0, out var s1, out var s2, out var s3);
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
            Encrypt4(j0, counter, out var s0, out var s1, out var s2, out var s3);
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
        Vector128<byte> j0, uint counter,
        out Vector128<byte> s0, out Vector128<byte> s1, out Vector128<byte> s2, out Vector128<byte> s3)
    {
        var keys = _roundKeys;
        var k0 = keys[0];
        var b0 = CounterBlock(j0, counter) ^ k0;
        var b1 = CounterBlock(j0, counter + 1) ^ k0;
        var b2 = CounterBlock(j0, counter + 2) ^ k0;
        var b3 = CounterBlock(j0, counter + 3) ^ k0;
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
