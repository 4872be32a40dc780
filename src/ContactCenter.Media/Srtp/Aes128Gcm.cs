using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ContactCenter.Media.Srtp;

/// <summary>
/// AES-128-GCM (NIST SP 800-38D) with a 96-bit IV and a 16-byte tag, on AES-NI and PCLMULQDQ. It exists
/// because <see cref="System.Security.Cryptography.AesGcm"/> pays a fixed per-call cost in OpenSSL (context
/// control, IV setup, error queue) that dominates for 60–1,200-byte SRTP packets, and reports a bad tag only
/// by throwing. The key schedule and the powers of H are computed once per key; calls allocate nothing.
/// </summary>
/// <remarks>
/// Input and output may be the same buffer (SRTP works in place) or must not overlap at all.
/// <see cref="TryDecrypt"/> computes and checks the tag over the ciphertext before it writes any plaintext,
/// so on false the output is untouched. Use only where <see cref="IsSupported"/>; <see cref="SrtpGcm"/>
/// chooses. The state is read-only after construction, so concurrent calls are safe; Dispose must not race them.
/// </remarks>
internal sealed partial class Aes128Gcm : IDisposable
{
    public const int KeySize = 16;
    public const int NonceSize = 12;
    public const int TagSize = 16;

    // Counter blocks of the payload start at inc32(J0), the 32-bit counter 2 (§7.1 step 3); J0 itself masks the tag.
    private const uint FirstPayloadCounter = 2;
    private const uint TagCounter = 1;

    // H^1..H^9: eight for the aggregated GHASH loop, nine for a last group of eight blocks and the length block.
    private const int HPowerCount = 9;

    // x^-1 = x^127 + x^6 + x + 1 (x·x^-1 = x^128 + x^7 + x^2 + x = 1 mod the GCM polynomial), in field form:
    // bit 0 is x^127, bits 121, 126 and 127 are x^6, x and 1.
    private static Vector128<ulong> XInverse => Vector128.Create(1UL, 0xC200000000000000UL);

    private readonly Aes128Ni _aes;
    // H^i·x^-1 at index i - 1, see Product.Reduce.
    private readonly Vector128<ulong>[] _hPowers = new Vector128<ulong>[HPowerCount];

    public Aes128Gcm(ReadOnlySpan<byte> key)
    {
        if (!IsSupported)
        {
            throw new PlatformNotSupportedException("Aes128Gcm needs AES-NI, PCLMULQDQ and SSSE3; use SrtpGcm.");
        }

        _aes = new Aes128Ni(key);

        // SP 800-38D §6.4 / §7.1 step 1: the hash subkey H = CIPH_K(0^128).
        var h = ToField(_aes.EncryptBlock(Vector128<byte>.Zero));
        var power = h;
        for (int i = 0; i < HPowerCount; i++)
        {
            _hPowers[i] = FieldMultiply(power, XInverse);
            power = FieldMultiply(power, h);
        }
    }

    /// <summary>True when this CPU has the instructions the implementation uses.</summary>
    public static bool IsSupported =>
        Aes128Ni.IsSupported && Pclmulqdq.IsSupported && Ssse3.IsSupported;

    /// <summary>
    /// GCM-AE (SP 800-38D §7.1): encrypts <paramref name="plaintext"/> into <paramref name="ciphertext"/> (same
    /// length; the same buffer or disjoint) and writes the 16-byte tag over <paramref name="aad"/> and the ciphertext.
    /// </summary>
    public void Encrypt(
        ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, Span<byte> ciphertext, Span<byte> tag, ReadOnlySpan<byte> aad = default)
    {
        CheckArguments(nonce, plaintext, ciphertext, tag.Length);
        var start = CounterStart(nonce);
        _aes.ApplyKeystream(start, FirstPayloadCounter, plaintext, ciphertext);
        var s = Ghash(aad, ciphertext);
        Tag(start, s).StoreUnsafe(ref MemoryMarshal.GetReference(tag));
    }

    /// <summary>
    /// GCM-AD (SP 800-38D §7.2): checks <paramref name="tag"/> over <paramref name="aad"/> and the ciphertext and
    /// only then decrypts into <paramref name="plaintext"/> (same length; the same buffer or disjoint).
    /// False, with <paramref name="plaintext"/> untouched, when the tag does not match.
    /// </summary>
    public bool TryDecrypt(
        ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> tag, Span<byte> plaintext, ReadOnlySpan<byte> aad = default)
    {
        CheckArguments(nonce, ciphertext, plaintext, tag.Length);
        var start = CounterStart(nonce);
        var expected = Tag(start, Ghash(aad, ciphertext));
        var received = Vector128.LoadUnsafe(ref MemoryMarshal.GetReference(tag));

        // §7.2 step 8: compare the whole tag at once, with no early exit that would leak where it first differs.
        if (!Vector128.EqualsAll(expected ^ received, Vector128<byte>.Zero))
        {
            return false;
        }

        _aes.ApplyKeystream(start, FirstPayloadCounter, ciphertext, plaintext);
        return true;
    }

    public void Dispose()
    {
        _aes.Dispose();
        Array.Clear(_hPowers);
    }

    private static void CheckArguments(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> input, ReadOnlySpan<byte> output, int tagLength)
    {
        if (nonce.Length != NonceSize)
        {
            throw new ArgumentException($"The IV must have {NonceSize} bytes.", nameof(nonce));
        }

        if (tagLength != TagSize)
        {
            throw new ArgumentException($"The tag must have {TagSize} bytes.", "tag");
        }

        if (input.Length != output.Length)
        {
            throw new ArgumentException("Input and output must have the same length.", nameof(output));
        }

        // The keystream pass reads each 16-byte block before writing it, which is safe in place but not
        // for buffers that overlap at an offset.
        if (input.Overlaps(output, out int offset) && offset != 0)
        {
            throw new ArgumentException("Input and output must be the same buffer or not overlap.", nameof(output));
        }
    }

    // §7.1 step 2: for a 96-bit IV, J0 = IV ‖ 0^31 ‖ 1. This returns IV ‖ 0^32, so that counter 1 is J0 and
    // counter 2 is inc32(J0).
    private static Vector128<byte> CounterStart(ReadOnlySpan<byte> nonce) =>
        Vector128.Create(
            BinaryPrimitives.ReadUInt64LittleEndian(nonce),
            (ulong)BinaryPrimitives.ReadUInt32LittleEndian(nonce.Slice(8))).AsByte();

    // §7.1 step 6: T = MSB_128(GCTR_K(J0, S)), i.e. CIPH_K(J0) XOR S, with S turned back into block order.
    private Vector128<byte> Tag(Vector128<byte> start, Vector128<ulong> s) =>
        _aes.EncryptBlock(start.AsUInt32().WithElement(3, BinaryPrimitives.ReverseEndianness(TagCounter)).AsByte()) ^ FromField(s);
}
