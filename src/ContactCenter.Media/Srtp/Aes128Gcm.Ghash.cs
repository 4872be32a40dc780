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
        if (!aad.IsEmpty)
        {
            y = Absorb(y, aad, default, withLengths: false);
        }

        // The length block reversed: len(C) in bits lands in the low lane and len(A) in the high lane.
        var lengths = Vector128.Create((ulong)data.Length * 8, (ulong)aad.Length * 8);
        return Absorb(y, data, lengths, withLengths: true);
    }

    /// <summary>
    /// Y_i = (Y_{i-1} XOR X_i)·H for each block of <paramref name="data"/>, the last one zero-padded, and then for
    /// the length block when <paramref name="withLengths"/>. Eight blocks are combined as
    /// (Y ⊕ X1)·H^8 ⊕ X2·H^7 ⊕ … ⊕ X8·H, the same sum with one reduction instead of eight; the remaining
    /// blocks (with the length block, at most nine) likewise.
    /// </summary>
    private Vector128<ulong> Absorb(Vector128<ulong> y, ReadOnlySpan<byte> data, Vector128<ulong> lengths, bool withLengths)
    {
        var powers = _hPowers;
        var h1 = powers[0];
        var h2 = powers[1];
        var h3 = powers[2];
        var h4 = powers[3];
        var h5 = powers[4];
        var h6 = powers[5];
        var h7 = powers[6];
        var h8 = powers[7];
        ref byte p = ref MemoryMarshal.GetReference(data);
        int length = data.Length;
        nuint offset = 0;
        for (; length - (int)offset >= 128; offset += 128)
        {
            var sum = Product.Of(y ^ ToField(Vector128.LoadUnsafe(ref p, offset)), h8)
                ^ Product.Of(ToField(Vector128.LoadUnsafe(ref p, offset + 16)), h7)
                ^ Product.Of(ToField(Vector128.LoadUnsafe(ref p, offset + 32)), h6)
                ^ Product.Of(ToField(Vector128.LoadUnsafe(ref p, offset + 48)), h5)
                ^ Product.Of(ToField(Vector128.LoadUnsafe(ref p, offset + 64)), h4)
                ^ Product.Of(ToField(Vector128.LoadUnsafe(ref p, offset + 80)), h3)
                ^ Product.Of(ToField(Vector128.LoadUnsafe(ref p, offset + 96)), h2)
                ^ Product.Of(ToField(Vector128.LoadUnsafe(ref p, offset + 112)), h1);
            y = sum.Reduce();
        }

        int rest = length - (int)offset;
        int blocks = (rest + 15) >> 4;
        int total = blocks + (withLengths ? 1 : 0);
        if (total == 0)
        {
            return y;
        }

        // §6.4 takes whole blocks, and §7.1 step 4 pads A and C separately with zeros. Block i of n takes H^(n-i).
        Span<byte> scratch = stackalloc byte[128];
        scratch.Clear();
        data.Slice((int)offset).CopyTo(scratch);
        ref byte t = ref MemoryMarshal.GetReference(scratch);
        var first = blocks > 0 ? ToField(Vector128.LoadUnsafe(ref t)) : lengths;
        var acc = Product.Of(y ^ first, powers[total - 1]);
        for (int i = 1; i < total; i++)
        {
            var x = i < blocks ? ToField(Vector128.LoadUnsafe(ref t, (nuint)(16 * i))) : lengths;
            acc ^= Product.Of(x, powers[total - 1 - i]);
        }

        return acc.Reduce();
    }

    /// <summary>The field product a·b (§6.3) for the key setup: the product, shifted into alignment, reduced.</summary>
    private static Vector128<ulong> FieldMultiply(Vector128<ulong> a, Vector128<ulong> b)
    {
        var product = Product.Of(a, b);
        var (lo, hi) = product.Combine();

        // Shift the 256-bit [hi:lo] left by one: a reflected product is one bit short (bit k is x^(254-k)).
        var loCarry = Sse2.ShiftRightLogical(lo, 63);
        var hiCarry = Sse2.ShiftRightLogical(hi, 63);
        lo = Sse2.ShiftLeftLogical(lo, 1) | Sse2.ShiftLeftLogical128BitLane(loCarry, 8);
        hi = Sse2.ShiftLeftLogical(hi, 1) | Sse2.ShiftLeftLogical128BitLane(hiCarry, 8) | Sse2.ShiftRightLogical128BitLane(loCarry, 8);
        return Fold(lo, hi);
    }

    /// <summary>
    /// Reduces the 256-bit reflected value [hi:lo] (bit k = coefficient of x^(255-k)) modulo the GCM polynomial.
    /// lo holds D with D·x^128 to reduce, and D·x^128 = D·(1 + x + x^2 + x^7). Multiplying by x^k is a right shift
    /// by k in reflected form; the bits a shift pushes out below bit 0 have degree 128–134 and are folded once
    /// more: a bit at degree 128 + e stands for x^e·(1 + x + x^2 + x^7), so it is put back at degree e
    /// (bit 127 - e) before the shifts, where it only moves down and cannot overflow again.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<ulong> Fold(Vector128<ulong> lo, Vector128<ulong> hi)
    {
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

    /// <summary>
    /// An unreduced 256-bit carry-less product, or a sum of them, schoolbook over 64-bit halves: lo = a0·b0,
    /// hi = a1·b1, mid = a1·b0 ⊕ a0·b1 (still to be placed 64 bits up). Sums are what aggregation adds up.
    /// </summary>
    private readonly struct Product(Vector128<ulong> lo, Vector128<ulong> mid, Vector128<ulong> hi)
    {
        private readonly Vector128<ulong> _lo = lo;
        private readonly Vector128<ulong> _mid = mid;
        private readonly Vector128<ulong> _hi = hi;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Product Of(Vector128<ulong> a, Vector128<ulong> b) => new(
            Pclmulqdq.CarrylessMultiply(a, b, 0x00),
            Pclmulqdq.CarrylessMultiply(a, b, 0x01) ^ Pclmulqdq.CarrylessMultiply(a, b, 0x10),
            Pclmulqdq.CarrylessMultiply(a, b, 0x11));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Product operator ^(Product x, Product y) => new(x._lo ^ y._lo, x._mid ^ y._mid, x._hi ^ y._hi);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public (Vector128<ulong> Lo, Vector128<ulong> Hi) Combine() =>
            (_lo ^ Sse2.ShiftLeftLogical128BitLane(_mid, 8), _hi ^ Sse2.ShiftRightLogical128BitLane(_mid, 8));

        /// <summary>
        /// Reduces a product whose second factor was stored as H^i·x^-1: its carry-less product read as a 256-bit
        /// reflected value is x·a·H^i·x^-1 = a·H^i, so no alignment shift is needed.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector128<ulong> Reduce()
        {
            var (lo, hi) = Combine();
            return Fold(lo, hi);
        }
    }
}
