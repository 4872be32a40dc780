using System.Buffers;
using System.Buffers.Binary;
using ContactCenter.Media.Srtp;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Media.Peers;

public sealed partial class PeerConnection
{
    private const int MaxPacket = 1500;

    // Lookups for the receive loop: payload type → m-line (RTP PTs are 7 bits), SSRC → m-line.
    private readonly NegotiatedMedia?[] _byPayloadType = new NegotiatedMedia?[128];
    private readonly Dictionary<uint, NegotiatedMedia> _bySsrc = [];
    private readonly List<NegotiatedMedia> _media = [];

    /// <summary>The accepted m-lines, in SDP order.</summary>
    public IReadOnlyList<NegotiatedMedia> Media => _media;

    public long RtpPacketsReceived { get; private set; }

    public long RtcpPacketsReceived { get; private set; }

    /// <summary>SRTP/SRTCP packets that failed authentication or replay checks (dropped).</summary>
    public long UnprotectFailures { get; private set; }

    public long PacketsSent => Interlocked.Read(ref _packetsSent);

    private long _packetsSent;

    /// <summary>
    /// Finds the m-line of a received packet: by SSRC when the SDP declared it or we saw it before, else by
    /// payload type (then the SSRC is remembered). Null when neither matches. Allocation-free once learned.
    /// </summary>
    public NegotiatedMedia? FindMedia(uint ssrc, int payloadType)
    {
        if (_bySsrc.TryGetValue(ssrc, out var media))
        {
            return media;
        }

        if ((uint)payloadType >= 128 || _byPayloadType[payloadType] is not { } byType)
        {
            return null;
        }

        if (_bySsrc.Count < 64)
        {
            _bySsrc[ssrc] = byType;
            byType.RemoteSsrcs.Add(ssrc);
        }

        return byType;
    }

    /// <summary>An SRTP or SRTCP datagram from our address (receive loop); decrypted in place, then to the sink.</summary>
    internal void OnSrtp(Span<byte> buffer, int length, bool rtcp)
    {
        var inbound = Volatile.Read(ref _inbound);
        if (inbound is null || IsClosed)
        {
            return; // keys not ready yet (the remote finished DTLS first) or closed
        }

        bool ok = rtcp
            ? inbound.TryUnprotectRtcp(buffer, length, out int plainLength)
            : inbound.TryUnprotectRtp(buffer, length, out plainLength);
        if (!ok)
        {
            UnprotectFailures++;
            _transport.Counters.CountSrtpAuthFailure();
            if (_logger.IsEnabled(LogLevel.Debug))
            {
                PeerLog.UnprotectFailed(_logger, Id);
            }

            return;
        }

        var sink = Sink;
        if (rtcp)
        {
            RtcpPacketsReceived++;
            sink?.OnRtcp(this, buffer.Slice(0, plainLength));
        }
        else
        {
            RtpPacketsReceived++;
            sink?.OnRtp(this, buffer.Slice(0, plainLength));
        }
    }

    /// <summary>
    /// Protects a copy of <paramref name="packet"/> (plain RTP) into a pooled buffer and sends it. The caller's
    /// span is not modified, so one packet can go to many peers. False before the handshake, after close, or
    /// when protection fails (e.g. too long).
    /// </summary>
    public bool SendRtp(ReadOnlySpan<byte> packet) => SendProtected(packet, rtcp: false);

    /// <summary>As <see cref="SendRtp"/>, for one plain RTCP compound packet.</summary>
    public bool SendRtcp(ReadOnlySpan<byte> packet) => SendProtected(packet, rtcp: true);

    private bool SendProtected(ReadOnlySpan<byte> packet, bool rtcp)
    {
        var address = _remoteAddress;
        if (address is null || packet.Length + SrtpSession.MaxOverhead > MaxPacket)
        {
            return false;
        }

        // On a receive thread the packet is protected right in its send-batch slot: one copy, no pooled buffer.
        var slot = _transport.ReserveSend(MaxPacket);
        if (!slot.IsEmpty)
        {
            packet.CopyTo(slot);
            if (!TryProtect(slot, packet.Length, rtcp, out int protectedLength) || !_transport.CommitSend(protectedLength, address))
            {
                return false;
            }

            Interlocked.Increment(ref _packetsSent);
            return true;
        }

        byte[] buffer = ArrayPool<byte>.Shared.Rent(MaxPacket);
        try
        {
            packet.CopyTo(buffer);
            if (!TryProtect(buffer, packet.Length, rtcp, out int length) || !_transport.Send(buffer.AsSpan(0, length), address))
            {
                return false;
            }

            Interlocked.Increment(ref _packetsSent);
            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private bool TryProtect(Span<byte> buffer, int length, bool rtcp, out int protectedLength)
    {
        // The outbound context is not thread-safe (one owner per direction); senders may be several threads.
        lock (_sendLock)
        {
            var outbound = _outbound;
            if (outbound is null)
            {
                protectedLength = 0;
                return false;
            }

            return rtcp
                ? outbound.TryProtectRtcp(buffer, length, out protectedLength)
                : outbound.TryProtectRtp(buffer, length, out protectedLength);
        }
    }

    /// <summary>Builds the lookup tables after negotiation (signaling thread, before media flows).</summary>
    private void IndexMedia()
    {
        Array.Clear(_byPayloadType);
        _bySsrc.Clear();
        foreach (var media in _media)
        {
            if (!media.WeReceive)
            {
                continue;
            }

            foreach (var codec in media.Codecs)
            {
                _byPayloadType[codec.PayloadType] ??= media;
            }

            foreach (uint ssrc in media.RemoteSsrcs)
            {
                _bySsrc[ssrc] = media;
            }
        }
    }

    /// <summary>Writes a new SSRC into a plain RTP packet (RFC 3550 §5.1, bytes 8–11).</summary>
    public static bool TryRewriteSsrc(Span<byte> rtpPacket, uint ssrc)
    {
        if (rtpPacket.Length < 12)
        {
            return false;
        }

        BinaryPrimitives.WriteUInt32BigEndian(rtpPacket.Slice(8), ssrc);
        return true;
    }
}
