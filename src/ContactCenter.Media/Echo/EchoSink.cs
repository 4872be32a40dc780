using ContactCenter.Media.Peers;
using ContactCenter.Media.Rtcp;
using ContactCenter.Media.Rtp;

namespace ContactCenter.Media.Echo;

/// <summary>
/// Development sink that sends every received packet back to its sender: RTP is re-stamped with the SSRC our
/// answer declared for that m-line (so the browser demuxes it to the right transceiver) and re-protected with
/// our outbound SRTP context. Keyframe requests from the browser's receiver are turned into PLIs to its
/// sender, and the first video packet triggers one PLI so decoding starts on a keyframe.
/// </summary>
public sealed class EchoSink : IRtpSink
{
    public static EchoSink Instance { get; } = new();

    public void OnRtp(PeerConnection from, Span<byte> packet)
    {
        if (!RtpHeader.TryParse(packet, out var header))
        {
            return;
        }

        var media = from.FindMedia(header.Ssrc, header.PayloadType);
        if (media is null || media.LocalSsrc == 0 || !media.WeSend)
        {
            return;
        }

        if (media.Kind == MediaKind.Video)
        {
            var state = State(from);
            if (state.RemoteVideoSsrc != header.Ssrc)
            {
                state.RemoteVideoSsrc = header.Ssrc;
                state.LocalVideoSsrc = media.LocalSsrc;
                RequestKeyframe(from, state);
            }
        }

        PeerConnection.TryRewriteSsrc(packet, media.LocalSsrc);
        from.SendRtp(packet);
    }

    public void OnRtcp(PeerConnection from, Span<byte> packet)
    {
        if (from.UserState is not EchoState state || state.RemoteVideoSsrc == 0)
        {
            return;
        }

        // RFC 4585 §6.3.1 PLI / RFC 5104 §4.3.1 FIR aimed at our echoed video: ask the real sender for a keyframe.
        foreach (var part in new RtcpCompoundEnumerator(packet))
        {
            bool wantsKeyframe =
                (RtcpPli.TryParse(part, out var pli) && pli.MediaSsrc == state.LocalVideoSsrc)
                || (RtcpFir.TryParse(part, out _));
            if (wantsKeyframe)
            {
                RequestKeyframe(from, state);
                return;
            }
        }
    }

    private static void RequestKeyframe(PeerConnection peer, EchoState state)
    {
        Span<byte> pli = stackalloc byte[RtcpPli.Length];
        RtcpPli.Write(pli, state.LocalVideoSsrc, state.RemoteVideoSsrc);
        peer.SendRtcp(pli);
    }

    private static EchoState State(PeerConnection peer)
    {
        if (peer.UserState is EchoState state)
        {
            return state;
        }

        state = new EchoState();
        peer.UserState = state;
        return state;
    }

    private sealed class EchoState
    {
        public uint RemoteVideoSsrc { get; set; }

        public uint LocalVideoSsrc { get; set; }
    }
}
