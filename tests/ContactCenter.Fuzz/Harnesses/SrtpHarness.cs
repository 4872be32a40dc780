using System.Buffers.Binary;
using ContactCenter.Media.Srtp;

namespace ContactCenter.Fuzz.Harnesses;

/// <summary>
/// SRTP/SRTCP unprotect with fixed keys (RFC 3711, RFC 7714). The first byte picks the mode: bit 0 AEAD_AES_128_GCM
/// (else AES_CM_128_HMAC_SHA1_80), bit 1 SRTCP (else SRTP), bit 2 "seal first". The rest is up to 16 packets, each
/// a 2-byte big-endian length and its bytes (the last may run to the end), fed in order to one receiving context so
/// that ROC estimation and the replay window see a sequence. Without "seal first" the bytes are unprotected as
/// they come (almost always refused by authentication); with it they are protected by a sender context first, so
/// the paths after authentication (ROC, replay, decryption of odd headers) run on fuzzer-chosen headers.
/// </summary>
internal static class SrtpHarness
{
    private const int MaxPackets = 16;

    // libsrtp's srtp_validate master key and salt (RFC 3711 B.3), through the full KDF.
    private static readonly byte[] s_cmKey = Convert.FromHexString("E1F97A0D3E018BE0D64FA32C06DE4139");
    private static readonly byte[] s_cmSalt = Convert.FromHexString("0EC675AD498AFEEBB6960B3AABE6");

    // RFC 7714 §16.1, §17.1: session key 00..0f and salt "Quid pro quo", used directly.
    private static readonly byte[] s_gcmKey = Convert.FromHexString("000102030405060708090a0b0c0d0e0f");
    private static readonly byte[] s_gcmSalt = Convert.FromHexString("517569642070726f2071756f");

    private static readonly byte[] s_buffer = new byte[InputBuffer.MaxLength + SrtpSession.MaxOverhead];

    public static bool Run(ReadOnlySpan<byte> input)
    {
        if (input.IsEmpty)
        {
            return false;
        }

        byte mode = input[0];
        bool gcm = (mode & 1) != 0;
        bool rtcp = (mode & 2) != 0;
        bool seal = (mode & 4) != 0;
        using var receiver = Create(gcm);
        using var sender = seal ? Create(gcm) : null;
        bool anyAuthentic = false;
        var rest = input.Slice(1);
        for (int i = 0; i < MaxPackets && !rest.IsEmpty; i++)
        {
            var packet = NextPacket(ref rest);
            packet.CopyTo(s_buffer);
            int length = packet.Length;
            if (sender is not null
                && !(rtcp
                    ? sender.TryProtectRtcp(s_buffer, length, out length)
                    : sender.TryProtectRtp(s_buffer, length, out length)))
            {
                continue;
            }

            // Exactly the packet's bytes, so a read past its end throws instead of reading the buffer's tail.
            var exact = s_buffer.AsSpan(0, length);
            anyAuthentic |= rtcp ? receiver.TryUnprotectRtcp(exact, length, out _) : receiver.TryUnprotectRtp(exact, length, out _);
        }

        return anyAuthentic;
    }

    private static SrtpSession Create(bool gcm) => gcm
        ? SrtpSession.FromSessionKeys(SrtpProfile.AeadAes128Gcm, s_gcmKey, s_gcmSalt, default, s_gcmKey, s_gcmSalt, default)
        : new SrtpSession(SrtpProfile.AesCm128HmacSha1_80, s_cmKey, s_cmSalt);

    private static ReadOnlySpan<byte> NextPacket(ref ReadOnlySpan<byte> rest)
    {
        ReadOnlySpan<byte> packet;
        if (rest.Length < 2)
        {
            packet = rest;
            rest = default;
            return packet;
        }

        int length = Math.Min(BinaryPrimitives.ReadUInt16BigEndian(rest), rest.Length - 2);
        packet = rest.Slice(2, length);
        rest = rest.Slice(2 + length);
        return packet;
    }
}
