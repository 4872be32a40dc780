using System.Buffers;
using ContactCenter.Media.Dtls;
using ContactCenter.Media.Srtp;
using ContactCenter.Media.Transport;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Media.Peers;

/// <summary>
/// The SRTP side of one peer (Pion's SRTP session): one context per direction from the DTLS keys, unprotecting
/// in place on the receive thread and protecting a copy for each send, into the transport's send batch where
/// there is one. Allocation-free per packet.
/// </summary>
internal sealed class PeerSrtpTransport(TransportCounters counters, ILogger logger, string peerId)
{
    private const int MaxPacket = 1500;

    private readonly object _sendLock = new();
    private SrtpSession? _inbound;
    private SrtpSession? _outbound;
    private bool _closed;
    private long _packetsSent;

    /// <summary>The negotiated profile once keyed.</summary>
    public SrtpProfile? Profile { get; private set; }

    public long RtpPacketsReceived { get; private set; }

    public long RtcpPacketsReceived { get; private set; }

    /// <summary>SRTP/SRTCP packets that failed authentication or replay checks (dropped).</summary>
    public long UnprotectFailures { get; private set; }

    public long PacketsSent => Interlocked.Read(ref _packetsSent);

    /// <summary>Keys both directions from the handshake; false (and nothing kept) when closed meanwhile.</summary>
    public bool Start(DtlsSrtpKeys keys)
    {
        var profile = (SrtpProfile)keys.ProtectionProfile;
        // One context per direction: inbound decrypts with the remote role's key, outbound encrypts with ours.
        var inbound = new SrtpSession(profile, keys.RemoteKey, keys.RemoteSalt);
        var outbound = new SrtpSession(profile, keys.LocalKey, keys.LocalSalt);
        lock (_sendLock)
        {
            if (_closed)
            {
                inbound.Dispose();
                outbound.Dispose();
                return false;
            }

            _outbound = outbound;
        }

        Volatile.Write(ref _inbound, inbound);
        Profile = profile;
        return true;
    }

    /// <summary>
    /// Unprotects an SRTP or SRTCP datagram in place (receive loop). Returns the plain length, or -1 before the
    /// keys (the remote finished DTLS first) or when it does not authenticate (counted).
    /// </summary>
    public int Unprotect(Span<byte> buffer, int length, bool rtcp)
    {
        var inbound = Volatile.Read(ref _inbound);
        if (inbound is null)
        {
            return -1;
        }

        bool ok = rtcp
            ? inbound.TryUnprotectRtcp(buffer, length, out int plainLength)
            : inbound.TryUnprotectRtp(buffer, length, out plainLength);
        if (!ok)
        {
            UnprotectFailures++;
            counters.CountSrtpAuthFailure();
            if (logger.IsEnabled(LogLevel.Debug))
            {
                PeerLog.UnprotectFailed(logger, peerId);
            }

            return -1;
        }

        if (rtcp)
        {
            RtcpPacketsReceived++;
        }
        else
        {
            RtpPacketsReceived++;
        }

        return plainLength;
    }

    /// <summary>
    /// Protects a copy of <paramref name="packet"/> and sends it on <paramref name="path"/>. The caller's span is not
    /// modified, so one packet can go to many peers. False without a path or keys, after close, or when too long.
    /// </summary>
    public bool Send(ReadOnlySpan<byte> packet, bool rtcp, IcePath? path)
    {
        if (path is null || packet.Length + SrtpSession.MaxOverhead > MaxPacket)
        {
            return false;
        }

        // On a receive thread the packet is protected right in its send-batch slot: one copy, no pooled buffer.
        var slot = path.Port.ReserveSend(MaxPacket);
        if (!slot.IsEmpty)
        {
            packet.CopyTo(slot);
            if (!TryProtect(slot, packet.Length, rtcp, out int protectedLength) || !path.Port.CommitSend(protectedLength, path.Address))
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
            if (!TryProtect(buffer, packet.Length, rtcp, out int length) || !path.Send(buffer.AsSpan(0, length)))
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

    /// <summary>Drops the outbound context; nothing more is sent. Idempotent.</summary>
    public void Close()
    {
        lock (_sendLock)
        {
            _closed = true;
            _outbound?.Dispose();
            _outbound = null;
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
}
