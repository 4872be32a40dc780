using System.Net;
using System.Net.Sockets;
using ContactCenter.Sip.Audio;
using ContactCenter.Sip.Sdp;

namespace ContactCenter.Sip.Media;

public sealed partial class RtpLeg
{
    private long _packetsReceived;
    private long _packetsSent;
    private long _dtmfPacketsReceived;
    private long _samplesReceived;
    private long _absoluteSum;

    private async Task ReceiveLoopAsync(CancellationToken ct)
    {
        var buffer = new byte[2048];
        var from = new SocketAddress(_socket.AddressFamily);
        while (!ct.IsCancellationRequested)
        {
            int received;
            try
            {
                received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, from, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            catch (ObjectDisposedException)
            {
                break;
            }
            catch (SocketException ex) when (ex.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionRefused)
            {
                // An ICMP port-unreachable for an earlier send: the phone is not listening yet. Keep going.
                continue;
            }
            catch (SocketException ex)
            {
                SipLog.RtpReceiveFailed(_logger, LegId, ex.SocketErrorCode);
                End(RtpLegEndReason.SocketError);
                break;
            }
            OnDatagram(buffer.AsSpan(0, received), from);
        }
    }

    /// <summary>Handles one datagram from the phone's address; internal so tests can feed packets directly.</summary>
    internal void OnDatagram(ReadOnlySpan<byte> datagram, SocketAddress from)
    {
        if (!RtpPacket.TryParse(datagram, out var rtp))
        {
            return;
        }
        var negotiation = Negotiation;
        var payload = datagram.Slice(rtp.PayloadOffset, rtp.PayloadLength);
        if (rtp.PayloadType == negotiation.TelephoneEventPayloadType)
        {
            Interlocked.Increment(ref _dtmfPacketsReceived);
            Latch(from, rtp.Ssrc);
            _dtmf.Process(rtp.Timestamp, payload);
            return;
        }
        if (rtp.PayloadType != negotiation.PayloadType)
        {
            return;
        }
        Latch(from, rtp.Ssrc);
        Interlocked.Increment(ref _packetsReceived);
        MeasureEnergy(payload, negotiation.Codec);
        _sink?.OnPhoneRtp(LegId, datagram);
    }

    private void Latch(SocketAddress from, uint ssrc)
    {
        _lastReceived = _time.GetTimestamp();
        var current = _remote;
        if (!Symmetric || (current is not null && current.Equals(from)) || (_latchedSsrc is { } latched && latched != ssrc))
        {
            return;
        }

        _latchedSsrc = ssrc;
        // Copy: the receive loop reuses its SocketAddress for the next datagram.
        var copy = new SocketAddress(from.Family, from.Size);
        from.Buffer.Span[..from.Size].CopyTo(copy.Buffer.Span);
        _remote = copy;
    }

    private void MeasureEnergy(ReadOnlySpan<byte> payload, G711Codec codec)
    {
        Span<short> pcm = stackalloc short[SamplesPerFrame];
        long sum = 0;
        var total = 0;
        while (!payload.IsEmpty)
        {
            var chunk = payload[..Math.Min(payload.Length, SamplesPerFrame)];
            var samples = pcm[..chunk.Length];
            if (codec == G711Codec.Pcmu)
            {
                G711.DecodeMuLaw(chunk, samples);
            }
            else
            {
                G711.DecodeALaw(chunk, samples);
            }
            foreach (var s in samples)
            {
                sum += Math.Abs((int)s);
            }
            total += chunk.Length;
            payload = payload[chunk.Length..];
        }
        Interlocked.Add(ref _absoluteSum, sum);
        Interlocked.Add(ref _samplesReceived, total);
    }

    private void CheckTimeout()
    {
        if (!ExpectsMedia)
        {
            // On hold the phone may legitimately send nothing (RFC 3264 §8.4); the clock restarts on resume.
            _lastReceived = _time.GetTimestamp();
            return;
        }
        if (_time.GetElapsedTime(_lastReceived) >= _noRtpTimeout)
        {
            End(RtpLegEndReason.NoRtpTimeout);
        }
    }
}
