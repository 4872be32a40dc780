using System.Buffers.Binary;
using ContactCenter.Media.Rtcp;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Media.Routing;

/// <summary>
/// The router's RTCP: publishers' sender reports to their subscribers, subscribers' keyframe requests (rate-limited)
/// to the publisher, and NACKs answered from the track's retransmission cache.
/// </summary>
internal sealed class RtcpFeedback(SfuRouterOptions options, TimeProvider time, ILogger logger)
{
    private readonly TimeProvider _time = time;
    private readonly ILogger _logger = logger;
    private readonly long _keyframeIntervalTicks = (long)(options.KeyframeRequestInterval.TotalSeconds * time.TimestampFrequency);

    /// <summary>SSRC the SFU puts in the feedback it originates (RFC 4585 §6.1 packet sender SSRC).</summary>
    public const uint RouterSsrc = 1;

    private const int SenderReportLength = 28;
    private const int MaxNackedPackets = 64;

    public long KeyframeRequestsSent => Interlocked.Read(ref _keyframeRequestsSent);

    public long RetransmissionsSent => Interlocked.Read(ref _retransmissionsSent);

    private long _keyframeRequestsSent;
    private long _retransmissionsSent;

    /// <summary>
    /// From a publisher: sender reports go on to every subscriber of the stream with the SSRC it knows
    /// (RFC 3550 §6.4.1, for lip sync); the report blocks are about what the publisher receives and are not
    /// forwarded. RR, SDES, BYE and REMB end here: the SFU is the publisher's receiver.
    /// </summary>
    public void OnPublisherRtcp(SfuParticipant publisher, ReadOnlySpan<byte> compound)
    {
        Span<byte> sr = stackalloc byte[SenderReportLength];
        foreach (var part in new RtcpCompoundEnumerator(compound))
        {
            if (!RtcpSenderReport.TryParse(part, out var report))
            {
                continue;
            }

            PublishedTrack? track = null;
            foreach (var candidate in publisher.Tracks)
            {
                if (candidate.HasSsrc(report.Ssrc))
                {
                    track = candidate;
                    break;
                }
            }

            if (track is null)
            {
                continue;
            }

            foreach (var target in track.Targets)
            {
                WriteSenderReport(sr, target.Ssrc, in report);
                target.Endpoint.SendRtcp(sr);
            }
        }
    }

    /// <summary>
    /// From a subscriber: PLI/FIR for a stream it receives reach that stream's publisher as a PLI (rate-limited);
    /// NACKs are answered from the stream's retransmission cache; everything else (RR, REMB, SDES) ends here.
    /// </summary>
    public void OnSubscriberRtcp(SfuParticipant subscriber, ReadOnlySpan<byte> compound)
    {
        foreach (var part in new RtcpCompoundEnumerator(compound))
        {
            if (RtcpPli.TryParse(part, out var pli))
            {
                if (SlotBySsrc(subscriber, pli.MediaSsrc)?.Track is { } track)
                {
                    RequestKeyframe(track, force: false);
                }
            }
            else if (RtcpFir.TryParse(part, out var fir))
            {
                // RFC 5104 §4.3.1: the FCI entries name the media senders; the media SSRC field is unused.
                for (int i = 0; fir.TryGetEntry(part, i, out var entry); i++)
                {
                    if (SlotBySsrc(subscriber, entry.Ssrc)?.Track is { } track)
                    {
                        RequestKeyframe(track, force: false);
                    }
                }
            }
            else if (RtcpNack.TryParse(part, out var nack))
            {
                Retransmit(subscriber, part, in nack);
            }
        }
    }

    /// <summary>RFC 4585 §6.2.1: resend what the subscriber lost, rewritten as it was first sent to it.</summary>
    private void Retransmit(SfuParticipant subscriber, ReadOnlySpan<byte> part, in RtcpNack nack)
    {
        var slot = SlotBySsrc(subscriber, nack.MediaSsrc);
        if (slot?.Track is not { Cache: { } cache } track)
        {
            return;
        }

        EdgeTarget? target = null;
        foreach (var candidate in track.Targets)
        {
            if (ReferenceEquals(candidate.Subscriber, subscriber))
            {
                target = candidate;
                break;
            }
        }

        if (target is null)
        {
            return; // the edge was removed: nothing more of this stream may reach the subscriber
        }

        Span<ushort> lost = stackalloc ushort[MaxNackedPackets];
        Span<byte> scratch = stackalloc byte[RetransmissionCache.MaxPacket];
        int count = nack.CopyLostSequenceNumbers(part, lost);
        for (int i = 0; i < count; i++)
        {
            int length = cache.CopyTo(lost[i], scratch);
            if (length == 0)
            {
                continue;
            }

            var packet = scratch.Slice(0, length);
            byte mapped = target.PayloadTypes[packet[1] & 0x7F];
            if (mapped == EdgeTarget.Unmapped)
            {
                continue;
            }

            Rtp.RtpWriter.SetPayloadType(packet, mapped);
            Rtp.RtpWriter.SetSsrc(packet, target.Ssrc);
            if (target.Endpoint.SendRtp(packet))
            {
                Interlocked.Increment(ref _retransmissionsSent);
            }
        }
    }

    /// <summary>
    /// Sends a PLI (RFC 4585 §6.3.1) to the track's publisher. Subscriber-driven requests are limited to one per
    /// <see cref="SfuRouterOptions.KeyframeRequestInterval"/> per stream, so N subscribers do not make the
    /// publisher send N keyframes; the SFU's own requests (a new edge) are sent at once.
    /// </summary>
    public void RequestKeyframe(PublishedTrack track, bool force)
    {
        long now = _time.GetTimestamp();
        long last = Interlocked.Read(ref track.LastKeyframeRequestTicks);
        if (!force && last != 0 && now - last < _keyframeIntervalTicks)
        {
            return;
        }

        if (Interlocked.CompareExchange(ref track.LastKeyframeRequestTicks, now, last) != last && !force)
        {
            return;
        }

        if (track.Owner.PublishEndpoint is not { } endpoint || track.Ssrc == 0)
        {
            return;
        }

        Span<byte> pli = stackalloc byte[RtcpPli.Length];
        RtcpPli.Write(pli, RouterSsrc, track.Ssrc);
        if (endpoint.SendRtcp(pli))
        {
            Interlocked.Increment(ref _keyframeRequestsSent);
            if (_logger.IsEnabled(LogLevel.Debug))
            {
                RouterLog.KeyframeRequested(_logger, track.Owner.Id, track.Alias, track.Ssrc);
            }
        }
    }

    private static SubscriberSlot? SlotBySsrc(SfuParticipant subscriber, uint ssrc)
    {
        foreach (var slot in subscriber.Negotiator.Slots)
        {
            if (slot.Ssrc == ssrc && ssrc != 0)
            {
                return slot;
            }
        }

        return null;
    }

    /// <summary>RFC 3550 §6.4.1 sender report without report blocks, under the subscriber-facing SSRC.</summary>
    private static void WriteSenderReport(Span<byte> destination, uint ssrc, in RtcpSenderReport report)
    {
        destination[0] = 0x80; // V=2, P=0, RC=0
        destination[1] = RtcpPacketType.SenderReport;
        BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(2), SenderReportLength / 4 - 1);
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(4), ssrc);
        BinaryPrimitives.WriteUInt64BigEndian(destination.Slice(8), report.NtpTimestamp);
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(16), report.RtpTimestamp);
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(20), report.PacketCount);
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(24), report.OctetCount);
    }
}
