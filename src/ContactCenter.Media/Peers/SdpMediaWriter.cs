using System.Globalization;
using System.Net;
using ContactCenter.Media.Ice;
using ContactCenter.Media.Sdp;

namespace ContactCenter.Media.Peers;

/// <summary>Writes our side of one m-line (answer or offer) in the order Chromium itself uses.</summary>
internal static class SdpMediaWriter
{
    public const string Protocol = "UDP/TLS/RTP/SAVPF";

    public static SdpSessionDescription NewSession(IPEndPoint announced, bool withBundle, IEnumerable<string> bundleMids)
    {
        var session = new SdpSessionDescription();
        var sessionId = Random.Shared.NextInt64(1, long.MaxValue).ToString(CultureInfo.InvariantCulture);
        session.Lines.Add(new SdpLine('v', "0"));
        session.Lines.Add(new SdpLine('o', $"- {sessionId} 2 IN {AddressType(announced.Address)} {announced.Address}"));
        session.Lines.Add(new SdpLine('s', "-"));
        session.Lines.Add(new SdpLine('t', "0 0"));
        // RFC 8445 §5.3 / RFC 8839 §5.3: we are a lite implementation; the browser is the controlling agent.
        session.Attributes.Add(new SdpAttribute("ice-lite", null));
        var mids = string.Join(' ', bundleMids);
        if (withBundle && mids.Length > 0)
        {
            session.Attributes.Add(new SdpAttribute("group", "BUNDLE " + mids));
        }

        session.Attributes.Add(new SdpAttribute("msid-semantic", " WMS *"));
        return session;
    }

    public static SdpMediaDescription Accepted(
        PeerConnection peer, NegotiatedMedia media, string setup, IPEndPoint announced, bool rtcpRsize, bool candidates)
    {
        var kind = media.Kind == MediaKind.Audio ? "audio" : "video";
        var m = new SdpMediaDescription(kind, announced.Port, Protocol, media.Codecs.Select(c => c.PayloadType.ToString(CultureInfo.InvariantCulture)));
        m.Lines.Add(new SdpLine('c', $"IN {AddressType(announced.Address)} {announced.Address}"));
        var a = m.Attributes;
        a.Add(new("ice-ufrag", peer.LocalIce.Ufrag));
        a.Add(new("ice-pwd", peer.LocalIce.Password));
        a.Add(new("fingerprint", peer.Certificate.Fingerprint.ToString()));
        a.Add(new("setup", setup));
        a.Add(new("mid", media.Mid));
        if (media.MidExtensionId > 0)
        {
            a.Add(new("extmap", new SdpExtMap(media.MidExtensionId, null, SdpExtMap.MidUri, null).ToString()));
        }

        a.Add(new(media.Direction, null));
        if (media.WeSend)
        {
            a.Add(new("msid", media.LocalStreamId + " " + media.LocalTrackId));
        }

        a.Add(new("rtcp-mux", null));
        if (rtcpRsize)
        {
            a.Add(new("rtcp-rsize", null));
        }

        foreach (var codec in media.Codecs)
        {
            var map = new SdpRtpMap(codec.PayloadType, codec.Name, codec.ClockRate, codec.Channels);
            a.Add(new("rtpmap", map.ToString()));
            foreach (var fb in codec.Feedback)
            {
                a.Add(new("rtcp-fb", codec.PayloadType.ToString(CultureInfo.InvariantCulture) + " " + fb));
            }

            if (!string.IsNullOrEmpty(codec.Fmtp))
            {
                a.Add(new("fmtp", codec.PayloadType.ToString(CultureInfo.InvariantCulture) + " " + codec.Fmtp));
            }
        }

        if (media.WeSend && media.LocalSsrc != 0)
        {
            // RFC 5576 §4.1: declare our SSRC so the browser maps it to this m-line even without the mid extension.
            var ssrc = media.LocalSsrc.ToString(CultureInfo.InvariantCulture);
            a.Add(new("ssrc", ssrc + " cname:" + media.LocalStreamId));
            a.Add(new("ssrc", ssrc + " msid:" + media.LocalStreamId + " " + media.LocalTrackId));
        }

        if (candidates)
        {
            // One host candidate per announced address (all on the one media port).
            foreach (var candidate in peer.HostCandidates)
            {
                a.Add(new("candidate", candidate));
            }

            a.Add(new("end-of-candidates", null));
        }

        return m;
    }

    /// <summary>RFC 3264 §6: a rejected m-line keeps its media, protocol and formats, with port 0.</summary>
    public static SdpMediaDescription Rejected(SdpMediaDescription offered)
    {
        var m = new SdpMediaDescription(offered.Media, 0, offered.Protocol, offered.Formats);
        m.Lines.Add(new SdpLine('c', "IN IP4 0.0.0.0"));
        if (offered.Mid is { } mid)
        {
            m.Attributes.Add(new("mid", mid));
        }

        m.Attributes.Add(new(SdpDirection.Inactive, null));
        return m;
    }

    private static string AddressType(IPAddress address) =>
        address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "IP6" : "IP4";
}
