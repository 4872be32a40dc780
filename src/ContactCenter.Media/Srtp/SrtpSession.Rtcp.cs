using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace ContactCenter.Media.Srtp;

internal sealed partial class SrtpSession
{
    /// <summary>
    /// Encrypts and authenticates the (compound) RTCP packet in <paramref name="buffer"/>[0..<paramref name="length"/>]
    /// in place, appending E‖SRTCP index and the tag (RFC 3711 §3.4) or the tag and E‖index (RFC 7714 §9).
    /// The buffer needs <see cref="RtcpOverhead"/> free bytes after the packet.
    /// </summary>
    public bool TryProtectRtcp(Span<byte> buffer, int length, out int protectedLength)
    {
        protectedLength = 0;
        int overhead = _tagLength + SrtcpIndexLength;
        if (_disposed || (uint)length > (uint)buffer.Length || buffer.Length - length < overhead
            || length < RtcpHeaderLength || buffer[0] >> 6 != 2)
        {
            return false;
        }

        uint ssrc = BinaryPrimitives.ReadUInt32BigEndian(buffer.Slice(4));

        // The SRTCP index counts packets per sending SSRC; like libsrtp the first one sent is 1.
        ref uint last = ref CollectionsMarshal.GetValueRefOrNullRef(_outboundRtcp, ssrc);
        uint index = Unsafe.IsNullRef(ref last) ? 1 : last + 1;
        if (index > SrtcpMaxIndex)
        {
            // RFC 3711 §9.2: the index must not wrap under one key; a new DTLS handshake is needed.
            return false;
        }

        if (Unsafe.IsNullRef(ref last))
        {
            if (!TryRemember(_outboundRtcp, ssrc, index))
            {
                return false;
            }
        }
        else
        {
            last = index;
        }

        var packet = buffer.Slice(0, length + overhead);
        uint word = SrtcpEncryptedFlag | index;
        if (_gcm)
        {
            SealRtcpGcm(packet, length, ssrc, word);
        }
        else if (!SealRtcpCm(packet, length, ssrc, word))
        {
            return false;
        }

        protectedLength = length + overhead;
        return true;
    }

    /// <summary>
    /// Authenticates and decrypts the SRTCP packet in <paramref name="buffer"/>[0..<paramref name="length"/>] in place.
    /// False for malformed, unauthentic, replayed or too old packets.
    /// </summary>
    public bool TryUnprotectRtcp(Span<byte> buffer, int length, out int plainLength)
    {
        plainLength = 0;
        int overhead = _tagLength + SrtcpIndexLength;
        if (_disposed || (uint)length > (uint)buffer.Length || length < RtcpHeaderLength + overhead || buffer[0] >> 6 != 2)
        {
            return false;
        }

        var packet = buffer.Slice(0, length);
        uint ssrc = BinaryPrimitives.ReadUInt32BigEndian(packet.Slice(4));
        int indexOffset = _gcm ? length - SrtcpIndexLength : length - _tagLength - SrtcpIndexLength;
        uint word = BinaryPrimitives.ReadUInt32BigEndian(packet.Slice(indexOffset));
        uint index = word & SrtcpMaxIndex;

        ref var window = ref CollectionsMarshal.GetValueRefOrNullRef(_inboundRtcp, ssrc);
        bool known = !Unsafe.IsNullRef(ref window);
        var current = known ? window : SrtpReplayWindow.StartingAt(index);
        if (current.IsReplayOrTooOld(index))
        {
            return false;
        }

        if (!(_gcm ? OpenRtcpGcm(packet, ssrc, word) : OpenRtcpCm(packet, ssrc, word)))
        {
            return false;
        }

        current.Accept(index);
        if (known)
        {
            window = current;
        }
        else if (!TryRemember(_inboundRtcp, ssrc, current))
        {
            return false;
        }

        plainLength = length - overhead;
        return true;
    }

    // RFC 3711 §3.4: encrypt after the first 8 bytes, append E‖index, HMAC over all of it.
    private bool SealRtcpCm(Span<byte> packet, int length, uint ssrc, uint word)
    {
        Span<byte> iv = stackalloc byte[16];
        CmIv(_rtcp.Salt, ssrc, word & SrtcpMaxIndex, iv);
        if (!_rtcp.Ctr!.Apply(iv, packet.Slice(RtcpHeaderLength, length - RtcpHeaderLength)))
        {
            return false;
        }

        BinaryPrimitives.WriteUInt32BigEndian(packet.Slice(length), word);
        Span<byte> mac = stackalloc byte[20];
        ComputeHmac(_rtcp.Hmac!, packet.Slice(0, length + SrtcpIndexLength), default, mac);
        mac.Slice(0, _tagLength).CopyTo(packet.Slice(length + SrtcpIndexLength));
        return true;
    }

    private bool OpenRtcpCm(Span<byte> packet, uint ssrc, uint word)
    {
        int authenticated = packet.Length - _tagLength;
        Span<byte> mac = stackalloc byte[20];
        ComputeHmac(_rtcp.Hmac!, packet.Slice(0, authenticated), default, mac);
        if (!CryptographicOperations.FixedTimeEquals(mac.Slice(0, _tagLength), packet.Slice(authenticated)))
        {
            return false;
        }

        if ((word & SrtcpEncryptedFlag) == 0)
        {
            return true;
        }

        Span<byte> iv = stackalloc byte[16];
        CmIv(_rtcp.Salt, ssrc, word & SrtcpMaxIndex, iv);
        int end = authenticated - SrtcpIndexLength;
        return _rtcp.Ctr!.Apply(iv, packet.Slice(RtcpHeaderLength, end - RtcpHeaderLength));
    }

    // RFC 7714 §9.1: AAD = first 8 bytes ‖ E‖index; output = header ‖ ciphertext ‖ tag ‖ E‖index.
    private void SealRtcpGcm(Span<byte> packet, int length, uint ssrc, uint word)
    {
        Span<byte> iv = stackalloc byte[12];
        GcmRtcpIv(_rtcp.Salt, ssrc, word & SrtcpMaxIndex, iv);
        Span<byte> aad = stackalloc byte[RtcpHeaderLength + SrtcpIndexLength];
        packet.Slice(0, RtcpHeaderLength).CopyTo(aad);
        BinaryPrimitives.WriteUInt32BigEndian(aad.Slice(RtcpHeaderLength), word);
        var payload = packet.Slice(RtcpHeaderLength, length - RtcpHeaderLength);
        _rtcp.Gcm!.Encrypt(iv, payload, payload, packet.Slice(length, _tagLength), aad);
        BinaryPrimitives.WriteUInt32BigEndian(packet.Slice(length + _tagLength), word);
    }

    private bool OpenRtcpGcm(Span<byte> packet, uint ssrc, uint word)
    {
        Span<byte> iv = stackalloc byte[12];
        GcmRtcpIv(_rtcp.Salt, ssrc, word & SrtcpMaxIndex, iv);
        int tagOffset = packet.Length - SrtcpIndexLength - _tagLength;
        if ((word & SrtcpEncryptedFlag) != 0)
        {
            Span<byte> aad = stackalloc byte[RtcpHeaderLength + SrtcpIndexLength];
            packet.Slice(0, RtcpHeaderLength).CopyTo(aad);
            BinaryPrimitives.WriteUInt32BigEndian(aad.Slice(RtcpHeaderLength), word);
            var payload = packet.Slice(RtcpHeaderLength, tagOffset - RtcpHeaderLength);
            return _rtcp.Gcm!.TryDecrypt(iv, payload, packet.Slice(tagOffset, _tagLength), payload, aad);
        }

        // RFC 7714 §9.2: unencrypted SRTCP authenticates the whole packet ‖ E‖index as AAD. Copying the tag
        // away and moving E‖index over it makes that AAD contiguous without copying the packet.
        Span<byte> tag = stackalloc byte[16];
        packet.Slice(tagOffset, _tagLength).CopyTo(tag);
        BinaryPrimitives.WriteUInt32BigEndian(packet.Slice(tagOffset), word);
        return _rtcp.Gcm!.TryDecrypt(iv, ReadOnlySpan<byte>.Empty, tag, Span<byte>.Empty, packet.Slice(0, tagOffset + SrtcpIndexLength));
    }

    // RFC 7714 §9.1: IV = salt XOR (00 00 ‖ SSRC ‖ 00 00 ‖ 0 ‖ SRTCP index (31 bits)).
    internal static void GcmRtcpIv(ReadOnlySpan<byte> salt12, uint ssrc, uint index, Span<byte> iv12)
    {
        iv12[0] = 0;
        iv12[1] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(iv12.Slice(2), ssrc);
        iv12[6] = 0;
        iv12[7] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(iv12.Slice(8), index & SrtcpMaxIndex);
        for (int i = 0; i < 12; i++)
        {
            iv12[i] ^= salt12[i];
        }
    }
}
