using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using ContactCenter.Media.Rtp;

namespace ContactCenter.Media.Srtp;

internal sealed partial class SrtpSession
{
    /// <summary>
    /// Encrypts and authenticates the RTP packet in <paramref name="buffer"/>[0..<paramref name="length"/>] in place,
    /// appending the tag. The buffer needs <see cref="RtpOverhead"/> free bytes after the packet.
    /// </summary>
    public bool TryProtectRtp(Span<byte> buffer, int length, out int protectedLength)
    {
        protectedLength = 0;
        if (_disposed || (uint)length > (uint)buffer.Length || buffer.Length - length < _tagLength
            || !RtpHeader.TryGetHeaderLength(buffer.Slice(0, length), out int headerLength))
        {
            return false;
        }

        uint ssrc = BinaryPrimitives.ReadUInt32BigEndian(buffer.Slice(8));
        ushort sequence = BinaryPrimitives.ReadUInt16BigEndian(buffer.Slice(2));

        // The sender's ROC follows its own sequence numbers (RFC 3711 §3.3.1), estimated the same way so
        // that a late retransmission keeps the index it had.
        ref var window = ref CollectionsMarshal.GetValueRefOrNullRef(_outboundRtp, ssrc);
        ulong highest = Unsafe.IsNullRef(ref window) ? sequence : window.Highest;
        if (!SrtpReplayWindow.TryEstimateIndex(highest, sequence, out ulong index))
        {
            return false;
        }

        var packet = buffer.Slice(0, length + _tagLength);
        if (!(_gcm
                ? SealRtpGcm(packet, headerLength, length, ssrc, index)
                : SealRtpCm(packet, headerLength, length, ssrc, index)))
        {
            return false;
        }

        if (Unsafe.IsNullRef(ref window))
        {
            if (!TryRemember(_outboundRtp, ssrc, SrtpReplayWindow.StartingAt(index)))
            {
                return false;
            }
        }
        else if (index > window.Highest)
        {
            window.Highest = index;
        }

        protectedLength = length + _tagLength;
        return true;
    }

    /// <summary>
    /// Authenticates and decrypts the SRTP packet in <paramref name="buffer"/>[0..<paramref name="length"/>] in place.
    /// False for malformed, unauthentic, replayed or too old packets; the ROC and replay window of the SSRC
    /// move only when it authenticates.
    /// </summary>
    public bool TryUnprotectRtp(Span<byte> buffer, int length, out int plainLength)
    {
        plainLength = 0;
        if (_disposed || (uint)length > (uint)buffer.Length
            || !RtpHeader.TryGetHeaderLength(buffer.Slice(0, length), out int headerLength)
            || length - headerLength < _tagLength)
        {
            return false;
        }

        uint ssrc = BinaryPrimitives.ReadUInt32BigEndian(buffer.Slice(8));
        ushort sequence = BinaryPrimitives.ReadUInt16BigEndian(buffer.Slice(2));

        // RFC 3711 §3.3.1: a receiver's first packet of an SSRC sets s_l to its SEQ with ROC 0.
        ref var window = ref CollectionsMarshal.GetValueRefOrNullRef(_inboundRtp, ssrc);
        bool known = !Unsafe.IsNullRef(ref window);
        var current = known ? window : SrtpReplayWindow.StartingAt(sequence);
        if (!SrtpReplayWindow.TryEstimateIndex(current.Highest, sequence, out ulong index)
            || current.IsReplayOrTooOld(index))
        {
            return false;
        }

        var packet = buffer.Slice(0, length);
        if (!(_gcm
                ? OpenRtpGcm(packet, headerLength, ssrc, index)
                : OpenRtpCm(packet, headerLength, ssrc, index)))
        {
            return false;
        }

        // Authenticated: only now may the ROC and replay window move (RFC 3711 §3.3.1, §3.3.2).
        current.Accept(index);
        if (known)
        {
            window = current;
        }
        else if (!TryRemember(_inboundRtp, ssrc, current))
        {
            return false;
        }

        plainLength = length - _tagLength;
        return true;
    }

    // AES-CM: encrypt the payload, then HMAC-SHA1 over header ‖ payload ‖ ROC, truncated to 80 bits (RFC 3711 §4.1, §4.2).
    private bool SealRtpCm(Span<byte> packet, int headerLength, int length, uint ssrc, ulong index)
    {
        Span<byte> iv = stackalloc byte[16];
        CmIv(_rtp.Salt, ssrc, index, iv);
        if (!_rtp.Ctr!.Apply(iv, packet.Slice(headerLength, length - headerLength)))
        {
            return false;
        }

        Span<byte> roc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(roc, (uint)(index >> 16));
        Span<byte> mac = stackalloc byte[20];
        ComputeHmac(_rtp.Hmac!, packet.Slice(0, length), roc, mac);
        mac.Slice(0, _tagLength).CopyTo(packet.Slice(length));
        return true;
    }

    private bool OpenRtpCm(Span<byte> packet, int headerLength, uint ssrc, ulong index)
    {
        int authenticated = packet.Length - _tagLength;
        Span<byte> roc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(roc, (uint)(index >> 16));
        Span<byte> mac = stackalloc byte[20];
        ComputeHmac(_rtp.Hmac!, packet.Slice(0, authenticated), roc, mac);
        if (!CryptographicOperations.FixedTimeEquals(mac.Slice(0, _tagLength), packet.Slice(authenticated)))
        {
            return false;
        }

        Span<byte> iv = stackalloc byte[16];
        CmIv(_rtp.Salt, ssrc, index, iv);
        return _rtp.Ctr!.Apply(iv, packet.Slice(headerLength, authenticated - headerLength));
    }

    // AEAD_AES_128_GCM: AAD is the whole header with CSRCs and extension (RFC 7714 §8.2), IV per §8.1.
    private bool SealRtpGcm(Span<byte> packet, int headerLength, int length, uint ssrc, ulong index)
    {
        Span<byte> iv = stackalloc byte[12];
        GcmRtpIv(_rtp.Salt, ssrc, index, iv);
        var payload = packet.Slice(headerLength, length - headerLength);
        _rtp.Gcm!.Encrypt(iv, payload, payload, packet.Slice(length, _tagLength), packet.Slice(0, headerLength));
        return true;
    }

    private bool OpenRtpGcm(Span<byte> packet, int headerLength, uint ssrc, ulong index)
    {
        Span<byte> iv = stackalloc byte[12];
        GcmRtpIv(_rtp.Salt, ssrc, index, iv);
        int end = packet.Length - _tagLength;
        var payload = packet.Slice(headerLength, end - headerLength);
        return _rtp.Gcm!.TryDecrypt(iv, payload, packet.Slice(end), payload, packet.Slice(0, headerLength));
    }

    // RFC 3711 §4.1.1: IV = (k_s·2^16) XOR (SSRC·2^64) XOR (i·2^16), where i is the 48-bit packet index
    // (or the SRTCP index). The low 16 bits stay zero for the block counter.
    internal static void CmIv(ReadOnlySpan<byte> salt14, uint ssrc, ulong index, Span<byte> iv16)
    {
        salt14.CopyTo(iv16);
        iv16[14] = 0;
        iv16[15] = 0;
        iv16[4] ^= (byte)(ssrc >> 24);
        iv16[5] ^= (byte)(ssrc >> 16);
        iv16[6] ^= (byte)(ssrc >> 8);
        iv16[7] ^= (byte)ssrc;
        for (int i = 0; i < 6; i++)
        {
            iv16[8 + i] ^= (byte)(index >> (40 - 8 * i));
        }
    }

    // RFC 7714 §8.1: IV = salt XOR (00 00 ‖ SSRC ‖ ROC ‖ SEQ).
    internal static void GcmRtpIv(ReadOnlySpan<byte> salt12, uint ssrc, ulong index, Span<byte> iv12)
    {
        iv12[0] = 0;
        iv12[1] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(iv12.Slice(2), ssrc);
        BinaryPrimitives.WriteUInt32BigEndian(iv12.Slice(6), (uint)(index >> 16));
        BinaryPrimitives.WriteUInt16BigEndian(iv12.Slice(10), (ushort)index);
        for (int i = 0; i < 12; i++)
        {
            iv12[i] ^= salt12[i];
        }
    }
}
