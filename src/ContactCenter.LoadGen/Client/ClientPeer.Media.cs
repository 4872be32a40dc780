using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ContactCenter.LoadGen.Metrics;
using ContactCenter.Media.Rtp;
using ContactCenter.Media.Stun;
using ContactCenter.Media.Transport;

namespace ContactCenter.LoadGen.Client;

internal sealed partial class ClientPeer
{
    private static readonly double MicrosecondsPerTick = 1_000_000.0 / Stopwatch.Frequency;
    private int _trackerEpoch;

    /// <summary>
    /// Writes one stamped RTP packet into the send buffer, protects it in place and sends it. Called by one
    /// sender thread per peer (the SRTP session is not thread-safe). False before DTLS is done.
    /// </summary>
    public bool SendStamped(uint ssrc, byte payloadType, ushort sequence, uint timestamp, bool marker, PayloadStamp stamp, int payloadLength)
    {
        var outbound = _outbound;
        if (outbound is null)
        {
            return false;
        }

        var buffer = _sendBuffer.AsSpan();
        buffer[0] = 0x80;
        buffer[1] = (byte)((marker ? 0x80 : 0) | payloadType);
        BinaryPrimitives.WriteUInt16BigEndian(buffer.Slice(2), sequence);
        BinaryPrimitives.WriteUInt32BigEndian(buffer.Slice(4), timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(buffer.Slice(8), ssrc);
        var payload = buffer.Slice(RtpHeader.FixedLength, payloadLength);
        stamp.TryWrite(payload);
        payload.Slice(PayloadStamp.Length).Fill(0x5A);
        if (!outbound.TryProtectRtp(buffer, RtpHeader.FixedLength + payloadLength, out int length))
        {
            return false;
        }

        SendDatagram(buffer.Slice(0, length));
        _stats.CountSent();
        return true;
    }

    /// <summary>One datagram for this peer, on the fabric's receive thread for this peer (never throws).</summary>
    internal void Handle(Span<byte> datagram, SocketAddress from)
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        try
        {
            Dispatch(datagram, from);
        }
        catch (Exception ex) when (ex is ObjectDisposedException or InvalidOperationException or ArgumentException)
        {
            _stats.CountForeign(); // a malformed datagram or one racing the peer's close
        }
    }

    private void Dispatch(Span<byte> datagram, SocketAddress from)
    {
        switch (MediaPacketClassifier.Classify(datagram))
        {
            case MediaPacketKind.Rtp:
                HandleRtp(datagram);
                break;
            case MediaPacketKind.Dtls:
                _dtls.Enqueue(datagram);
                break;
            case MediaPacketKind.Stun:
                HandleStun(datagram, from);
                break;
            default:
                break; // RTCP (PLI, SR, RR) is not measured
        }
    }

    private void HandleRtp(Span<byte> datagram)
    {
        var inbound = _inbound;
        if (inbound is null)
        {
            return;
        }

        if (!inbound.TryUnprotectRtp(datagram, datagram.Length, out int plainLength))
        {
            _stats.CountAuthFailure();
            if (datagram.Length >= RtpHeader.FixedLength)
            {
                // The header is authenticated but not encrypted (RFC 3711 §3.1): its SSRC names the failing stream.
                ReceivedFor(BinaryPrimitives.ReadUInt32BigEndian(datagram.Slice(8))).CountAuthFailure();
            }

            return;
        }

        long now = Stopwatch.GetTimestamp();
        var plain = datagram.Slice(0, plainLength);
        if (!RtpHeader.TryParse(plain, out var header)
            || !PayloadStamp.TryRead(plain.Slice(header.PayloadOffset, header.PayloadLength), out var stamp))
        {
            _stats.CountForeign();
            return;
        }

        int epoch = Volatile.Read(ref _epoch);
        if (epoch != _trackerEpoch)
        {
            _trackerEpoch = epoch;
            foreach (var tracker in _trackers.Values)
            {
                tracker.Reset();
            }

            foreach (var received in _received.Values)
            {
                received.Reset();
            }
        }

        if (!_trackers.TryGetValue(stamp.StreamId, out var streamTracker))
        {
            streamTracker = new StreamLossTracker(); // once per stream and receiver, not per packet
            lock (_trackers)
            {
                _trackers[stamp.StreamId] = streamTracker;
            }
        }

        streamTracker.Record(stamp.Sequence, now);
        var ssrc = ReceivedFor(header.Ssrc);
        ssrc.StreamId = stamp.StreamId;
        ssrc.Record(header.SequenceNumber, stamp.Sequence);
        _stats.CountReceived();
        _stats.Latency.Record((long)((now - stamp.SentTicks) * MicrosecondsPerTick));
    }

    private ReceivedSsrc ReceivedFor(uint ssrc)
    {
        if (!_received.TryGetValue(ssrc, out var received))
        {
            received = new ReceivedSsrc(ssrc); // once per SSRC and receiver, not per packet
            lock (_received)
            {
                _received[ssrc] = received;
            }
        }

        return received;
    }

    private void HandleStun(Span<byte> datagram, SocketAddress from)
    {
        if (!StunMessage.TryParse(datagram, out var message))
        {
            return;
        }

        if (message.MessageType == StunMessageType.BindingSuccessResponse)
        {
            _iceDone.TrySetResult();
            return;
        }

        if (message.MessageType == StunMessageType.BindingRequest)
        {
            // A full-ICE server (Janus) checks us too: answer with our password (RFC 8445 §7.3).
            int length = StunWriter.WriteBindingSuccess(_stunReplyBuffer, message.TransactionId, from, LocalIce.PasswordBytes);
            _fabric.Send(_address, from, _stunReplyBuffer.AsSpan(0, length));

            if (!_controlling && message.HasAttribute(StunAttributeType.UseCandidate))
            {
                _iceDone.TrySetResult();
            }
        }
    }
}
