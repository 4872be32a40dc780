using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ContactCenter.Media.Srtp;

/// <summary>
/// GHASH (SP 800-38D §6.4) with carry-less multiplication. Field elements are kept byte-reversed: GCM numbers
/// the bits of a block from the left (bit 0 of byte 0, its most significant bit, is the coefficient of x^0),
/// so after reversing the bytes, integer bit j holds the coefficient of x^(127-j). In that "reflected" form the
/// carry-less product of two elements has bit k = coefficient of x^(254-k); one left shift gives a 256-bit
/// value whose high half is the degree 0–127 part and whose low half the degree 128–255 part, which is then
/// folded back with x^128 = x^7 + x^2 + x + 1 (§6.3). This follows the math in Intel's carry-less
/// multiplication white paper (Gueron and Kounavis).
/// </summary>
internal sealed partial class Aes128Gcm
{
    private static Vector128<byte> ReverseMask => Vector128.Create((byte)15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<ulong> ToField(Vector128<byte> block) => Ssse3.Shuffle(block, ReverseMask).AsUInt64();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> FromField(Vector128<ulong> element) => Ssse3.Shuffle(element.AsByte(), ReverseMask);

    /// <summary>GHASH_H(A ‖ 0^v ‖ C ‖ 0^u ‖ [len(A)]64 ‖ [len(C)]64), §7.1 steps 4–5, in field form.</summary>
    private Vector128<ulong> Ghash(ReadOnlySpan<byte> aad, ReadOnlySpan<byte> data)
    {
        var y = Vector128<ulong>.Zero;
        y = Absorb(y, aad);
        y = Absorb(y, data);

        // The length block reversed: len(C) in bits lands in the low lane and len(A) in the high lane.
        var lengths = Vector128.Create((ulong)data.Length * 8, (ulong)aad.Length * 8);
        return Multiply(y ^ lengths, _hPowers[0]);
    }

    /// <summary>
    /// Y_i = (Y_{i-1} XOR X_i)·H for each block of <paramref name="data"/>, the last one zero-padded. Four blocks
    /// are combined as (Y ⊕ X1)·H^4 ⊕ X2·H^3 ⊕ X3·H^2 ⊕ X4·H, which is the same sum with one reduction instead of four.
    /// </summary>
    private Vector128<ulong> Absorb(Vector128<ulong> y, ReadOnlySpan<byte> data)
    {
        var powers = _hPowers;
        var h1 = powers[0];
        var h2 = powers[1];
        var h3 = powers[2];
        var h4 = powers[3];
        ref byte p = ref MemoryMarshal.GetReference(data);
        int length = data.Length;
        nuint offset = 0;
        for (; length - (int)offset >= 64; offset += 64)
        {
            var lo = Vector128<ulong>.Zero;
            var mid = Vector128<ulong>.Zero;
            var hi = Vector128<ulong>.Zero;
            MultiplyAdd(y ^ ToField(Vector128.LoadUnsafe(ref p, offset)), h4, ref lo, ref mid, ref hi);
            MultiplyAdd(ToField(Vector128.LoadUnsafe(ref p, offset + 16)), h3, ref lo, ref mid, ref hi);
            MultiplyAdd(ToField(Vector128.LoadUnsafe(ref p, offset + 32)), h2, ref lo, ref mid, ref hi);
            MultiplyAdd(ToField(Vector128.LoadUnsafe(ref p, offset + 48)), h1, ref lo, ref mid, ref hi);
            y = Reduce(lo, mid, hi);
        }

        int rest = length - (int)offset;
        if (rest == 0)
        {
            return y;
        }

        // One to four remaining blocks, zero-padded (§6.4: the input is a whole number of blocks, §7.1 step 4
        // pads A and C separately). Block i of n takes H^(n-i).
        Span<byte> scratch = stackalloc byte[64];
        data.Slice((int)offset).CopyTo(scratch);
        ref byte t = ref MemoryMarshal.GetReference(scratch);
        int blocks = (rest + 15) >> 4;
        var l = Vector128<ulong>.Zero;
        var m = Vector128<ulong>.Zero;
        var h = Vector128<ulong>.Zero;
        MultiplyAdd(y ^ ToField(Vector128.LoadUnsafe(ref t)), powers[blocks - 1], ref l, ref m, ref h);
        for (int i = 1; i < blocks; i++)
        {
            MultiplyAdd(ToField(Vector128.LoadUnsafe(ref t, (nuint)(16 * i))), powers[blocks - 1 - i], ref l, ref m, ref h);
        }

        return Reduce(l, m, h);
    }

    /// <summary>The field product a·b (§6.3), reduced.</summary>
    private static Vector128<ulong> Multiply(Vector128<ulong> a, Vector128<ulong> b)
    {
        var lo = Vector128<ulong>.Zero;
        var mid = Vector128<ulong>.Zero;
        var hi = Vector128<ulong>.Zero;
        MultiplyAdd(a, b, ref lo, ref mid, ref hi);
        return Reduce(lo, mid, hi);
    }

    /// <summary>
    /// Adds the unreduced 256-bit carry-less product a·b, schoolbook over 64-bit halves: lo = a0·b0, hi = a1·b1,
    /// mid = a1·b0 ⊕ a0·b1 (still to be placed 64 bits up).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MultiplyAdd(
        Vector128<ulong> a, Vector128<ulong> b, ref Vector128<ulong> lo, ref Vector128<ulong> mid, ref Vector128<ulong> hi)
    {
        lo ^= Pclmulqdq.CarrylessMultiply(a, b, 0x00);
        hi ^= Pclmulqdq.CarrylessMultiply(a, b, 0x11);
        mid ^= Pclmulqdq.CarrylessMultiply(a, b, 0x01) ^ Pclmulqdq.CarrylessMultiply(a, b, 0x10);
    }

    /// <summary>Turns a (sum of) unreduced products into a field element: see the type's summary.</summary>
    private static Vector128<ulong> Reduce(Vector128<ulong> lo, Vector128<ulong> mid, Vector128<ulong> hi)
    {
        lo ^= Sse2.ShiftLeftLogical128BitLane(mid, 8);
        hi ^= Sse2.ShiftRightLogical128BitLane(mid, 8);

        // Shift the 256-bit [hi:lo] left by one: a reflected product is one bit short (bit k is x^(254-k)).
        var loCarry = Sse2.ShiftRightLogical(lo, 63);
        var hiCarry = Sse2.ShiftRightLogical(hi, 63);
        lo = Sse2.ShiftLeftLogical(lo, 1) | Sse2.ShiftLeftLogical128BitLane(loCarry, 8);
        hi = Sse2.ShiftLeftLogical(hi, 1) | Sse2.ShiftLeftLogical128BitLane(hiCarry, 8) | Sse2.ShiftRightLogical128BitLane(loCarry, 8);

        // lo holds D with D·x^128 to reduce, and D·x^128 = D·(1 + x + x^2 + x^7). Multiplying by x^k is a right
        // shift by k in reflected form; the bits a shift pushes out below bit 0 have degree 128–134 and are folded
        // once more: a bit at degree 128 + d stands for x^d·(1 + x + x^2 + x^7), so it is put back at degree d
        // (bit 127 - d) before the shifts, where it only moves down and cannot overflow again.
        var spill = Sse2.ShiftLeftLogical(lo, 63) ^ Sse2.ShiftLeftLogical(lo, 62) ^ Sse2.ShiftLeftLogical(lo, 57);
        var d = lo ^ Sse2.ShiftLeftLogical128BitLane(spill, 8);
        return hi ^ d ^ ShiftRight128(d, 1, 63) ^ ShiftRight128(d, 2, 62) ^ ShiftRight128(d, 7, 57);
    }

    // A right shift of the whole 128-bit value by n bits (1 ≤ n ≤ 63, rest = 64 - n, both constants so the
    // shifts take immediates); the shifted-out bits are dropped.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<ulong> ShiftRight128(
        Vector128<ulong> v, [ConstantExpected(Min = 1, Max = 63)] byte n, [ConstantExpected(Min = 1, Max = 63)] byte rest) =>
        Sse2.ShiftRightLogical(v, n) ^ Sse2.ShiftRightLogical128BitLane(Sse2.ShiftLeftLogical(v, rest), 8);
}
