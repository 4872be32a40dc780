using System.Globalization;
using ContactCenter.Media.Sdp;

namespace ContactCenter.Media.Peers;

/// <summary>
/// Which offered codecs we accept: Opus/48000/2, PCMU (0), PCMA (8) and optionally telephone-event for audio;
/// VP8 for video. The offer's payload types are kept (RFC 3264 §6.1: the answer uses the offer's numbers).
/// </summary>
internal static class CodecPolicy
{
    /// <summary>Feedback we can honour: NACK/PLI/FIR are forwarded; transport-cc and REMB need estimators we lack.</summary>
    private static readonly string[] VideoFeedback = ["nack", "nack pli", "ccm fir"];

    public static List<NegotiatedCodec> Select(SdpMediaDescription offered, MediaKind kind, bool telephoneEvent, bool h264 = false)
    {
        bool h264Taken = false;
        var maps = new Dictionary<int, SdpRtpMap>();
        foreach (var map in offered.RtpMaps())
        {
            maps.TryAdd(map.PayloadType, map);
        }

        var result = new List<NegotiatedCodec>();
        foreach (var format in offered.Formats)
        {
            if (!int.TryParse(format, NumberStyles.None, CultureInfo.InvariantCulture, out int pt) || pt > 127)
            {
                continue;
            }

            // Static payload types may come without rtpmap (RFC 3551 §6).
            var map = maps.GetValueOrDefault(pt) ?? pt switch
            {
                0 => new SdpRtpMap(0, "PCMU", 8000, null),
                8 => new SdpRtpMap(8, "PCMA", 8000, null),
                _ => null,
            };
            var fmtp = offered.Fmtp(pt);
            bool isH264 = h264 && !h264Taken && kind == MediaKind.Video && IsConstrainedBaselineH264(map, fmtp);
            if (map is null || (!Accepts(kind, map, telephoneEvent) && !isH264))
            {
                continue;
            }

            h264Taken |= isH264;

            var feedback = new List<string>();
            if (kind == MediaKind.Video)
            {
                foreach (var fb in offered.RtcpFeedback(pt))
                {
                    if (Array.IndexOf(VideoFeedback, fb) >= 0)
                    {
                        feedback.Add(fb);
                    }
                }
            }

            result.Add(new NegotiatedCodec(pt, map.Encoding, map.ClockRate, map.Channels, fmtp, feedback));
        }

        // telephone-event alone is not a usable audio stream.
        if (result.TrueForAll(c => IsTelephoneEvent(c.Name)))
        {
            result.Clear();
        }

        return result;
    }

    public static bool IsTelephoneEvent(string name) => string.Equals(name, "telephone-event", StringComparison.OrdinalIgnoreCase);

    private static bool Accepts(MediaKind kind, SdpRtpMap map, bool telephoneEvent)
    {
        var name = map.Encoding;
        if (kind == MediaKind.Audio)
        {
            return (name.Equals("opus", StringComparison.OrdinalIgnoreCase) && map.ClockRate == 48000 && map.Channels == 2)
                || (name.Equals("PCMU", StringComparison.OrdinalIgnoreCase) && map.ClockRate == 8000)
                || (name.Equals("PCMA", StringComparison.OrdinalIgnoreCase) && map.ClockRate == 8000)
                || (telephoneEvent && IsTelephoneEvent(name) && map.ClockRate is 8000 or 48000);
        }

        return name.Equals("VP8", StringComparison.OrdinalIgnoreCase) && map.ClockRate == 90000;
    }

    // RFC 6184 §8.1: profile-level-id 42e0xx is constrained baseline; mode 1 allows FU-A fragmentation.
    private static bool IsConstrainedBaselineH264(SdpRtpMap? map, string? fmtp) =>
        map is not null
        && map.Encoding.Equals("H264", StringComparison.OrdinalIgnoreCase) && map.ClockRate == 90000
        && fmtp is not null
        && fmtp.Contains("packetization-mode=1", StringComparison.Ordinal)
        && fmtp.Contains("profile-level-id=42e0", StringComparison.OrdinalIgnoreCase);

    /// <summary>Our own codec list when we offer (subscribe connections).</summary>
    public static List<NegotiatedCodec> Default(MediaKind kind) => kind == MediaKind.Audio
        ?
        [
            new NegotiatedCodec(111, "opus", 48000, 2, "minptime=10;useinbandfec=1", []),
            new NegotiatedCodec(0, "PCMU", 8000, null, null, []),
            new NegotiatedCodec(8, "PCMA", 8000, null, null, []),
        ]
        : [new NegotiatedCodec(96, "VP8", 90000, null, null, VideoFeedback)];
}
