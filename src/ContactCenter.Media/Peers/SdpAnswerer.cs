using ContactCenter.Media.Dtls;
using ContactCenter.Media.Sdp;

namespace ContactCenter.Media.Peers;

/// <summary>
/// The answering side of a peer's negotiation (the publish connection): the first answer, and answers to later
/// client offers (new streams, ICE restart) that keep the DTLS association and SRTP contexts (RFC 8829 §5.3.2).
/// </summary>
internal sealed class SdpAnswerer(PeerConnection peer)
{
    private readonly PeerConnection _peer = peer;

    /// <summary>
    /// We are the answerer (publish connection): accept the m-lines and codecs we support, reject the rest with
    /// port 0, bundle what we accept, and take the DTLS server role (<c>a=setup:passive</c>) unless the offer
    /// insists on being passive itself. Throws <see cref="FormatException"/> for unusable offers.
    /// </summary>
    public string CreateAnswer(string offerSdp)
    {
        var offer = SdpSessionDescription.Parse(offerSdp);
        lock (_peer.NegotiationLock)
        {
            if (_peer.Lines.Lines.Count > 0 || _peer.Dtls.Role is not null)
            {
                throw new InvalidOperationException("This peer has already negotiated; renegotiation is not supported yet.");
            }

            SdpRules.ReadRemoteTransport(_peer, offer, offer.Media.FirstOrDefault(m => !m.IsRejected));
            // RFC 5763 §5: the answerer picks active or passive; actpass/active → we are passive (server).
            var remoteSetup = SdpRules.FirstTransportValue(offer, "setup") ?? "actpass";
            _peer.Dtls.Role = remoteSetup == "passive" ? DtlsRole.Client : DtlsRole.Server;
            string ourSetup = _peer.Dtls.Role == DtlsRole.Server ? "passive" : "active";

            var streamId = _peer.Options.StreamId ?? SdpRules.NewToken(12);
            var accepted = new List<(int Index, NegotiatedMedia Media)>();
            var bundle = offer.BundleMids();
            for (int i = 0; i < offer.Media.Count; i++)
            {
                var offered = offer.Media[i];
                var negotiated = TryAccept(offered, i, streamId, bundle);
                if (negotiated is not null)
                {
                    accepted.Add((i, negotiated));
                }
            }

            if (accepted.Count == 0)
            {
                throw new FormatException("The offer has no media we can accept.");
            }

            var announced = _peer.AnnouncedEndPoint;
            var answer = SdpMediaWriter.NewSession(announced, bundle.Count > 0, accepted.Select(a => a.Media.Mid));
            int next = 0;
            for (int i = 0; i < offer.Media.Count; i++)
            {
                if (next < accepted.Count && accepted[next].Index == i)
                {
                    var media = accepted[next++].Media;
                    answer.Media.Add(SdpMediaWriter.Accepted(
                        _peer, media, ourSetup, announced, offer.Media[i].Has("rtcp-rsize"), candidates: true));
                    _peer.Lines.Lines.Add(media);
                }
                else
                {
                    answer.Media.Add(SdpMediaWriter.Rejected(offer.Media[i]));
                }
            }

            _peer.Lines.Index();
            _peer.TryStartDtls();
            return answer.ToString();
        }
    }

    /// <summary>
    /// Answers a later offer on a publish connection: known mids keep their negotiation (their direction and
    /// SSRCs follow the offer), new m-lines are accepted or rejected as in <see cref="CreateAnswer"/>, and new ICE
    /// credentials (an ICE restart) replace the old ones. The DTLS fingerprint must not change.
    /// </summary>
    public string CreateSubsequentAnswer(string offerSdp)
    {
        var offer = SdpSessionDescription.Parse(offerSdp);
        lock (_peer.NegotiationLock)
        {
            if (_peer.Dtls.Role is not { } role)
            {
                throw new InvalidOperationException("CreateSubsequentAnswer needs an earlier CreateAnswer.");
            }

            var previousFingerprint = _peer.Dtls.RemoteFingerprint;
            SdpRules.ReadRemoteTransport(_peer, offer, offer.Media.FirstOrDefault(m => !m.IsRejected));
            if (previousFingerprint is not null && !Equals(previousFingerprint.ToString(), _peer.Dtls.RemoteFingerprint?.ToString()))
            {
                _peer.Dtls.RemoteFingerprint = previousFingerprint;
                throw new FormatException("The DTLS fingerprint changed; a new connection is needed.");
            }

            string ourSetup = role == DtlsRole.Server ? "passive" : "active";
            var streamId = _peer.Options.StreamId ?? SdpRules.NewToken(12);
            var bundle = offer.BundleMids();
            var answered = new NegotiatedMedia?[offer.Media.Count];
            for (int i = 0; i < offer.Media.Count; i++)
            {
                var offered = offer.Media[i];
                var existing = offered.Mid is { } mid ? _peer.Lines.Lines.Find(m => m.Mid == mid) : null;
                if (existing is not null)
                {
                    if (offered.IsRejected)
                    {
                        existing.Direction = SdpDirection.Inactive;
                        continue;
                    }

                    existing.Direction = SdpDirection.Answer(offered.Direction, _peer.Options.Send, _peer.Options.Receive);
                    foreach (uint ssrc in offered.Ssrcs())
                    {
                        if (!existing.RemoteSsrcs.Contains(ssrc))
                        {
                            existing.RemoteSsrcs.Add(ssrc);
                        }
                    }

                    answered[i] = existing;
                }
                else if (TryAccept(offered, i, streamId, bundle) is { } added)
                {
                    _peer.Lines.AddLive(added);

                    answered[i] = added;
                }
            }

            var announced = _peer.AnnouncedEndPoint;
            var acceptedMids = answered.Where(m => m is not null).Select(m => m!.Mid).ToList();
            var answer = SdpMediaWriter.NewSession(announced, bundle.Count > 0, acceptedMids);
            for (int i = 0; i < offer.Media.Count; i++)
            {
                answer.Media.Add(answered[i] is { } media
                    ? SdpMediaWriter.Accepted(_peer, media, ourSetup, announced, offer.Media[i].Has("rtcp-rsize"), candidates: true)
                    : SdpMediaWriter.Rejected(offer.Media[i]));
            }

            return answer.ToString();
        }
    }

    private NegotiatedMedia? TryAccept(SdpMediaDescription offered, int index, string streamId, IReadOnlyList<string> bundle)
    {
        MediaKind? kind = offered.Media switch
        {
            "audio" when _peer.Options.AcceptAudio => MediaKind.Audio,
            "video" when _peer.Options.AcceptVideo => MediaKind.Video,
            _ => null,
        };
        var mid = offered.Mid;
        // RFC 9143 §7.5: a bundle-only m-line has port 0 but is offered, not rejected.
        bool rejected = offered.IsRejected && !offered.Has("bundle-only");
        if (kind is null || rejected || mid is null || !offered.Protocol.Contains("SAVPF", StringComparison.Ordinal)
            || (bundle.Count > 0 && !bundle.Contains(mid)))
        {
            return null;
        }

        var codecs = CodecPolicy.Select(offered, kind.Value, _peer.Options.AcceptTelephoneEvent, _peer.Options.AcceptH264);
        if (codecs.Count == 0)
        {
            return null;
        }

        var media = new NegotiatedMedia(mid, kind.Value, index)
        {
            Direction = SdpDirection.Answer(offered.Direction, _peer.Options.Send, _peer.Options.Receive),
        };
        media.Codecs.AddRange(codecs);
        foreach (var ext in offered.ExtMaps())
        {
            if (ext.Uri == SdpExtMap.MidUri)
            {
                media.MidExtensionId = ext.Id;
            }
        }

        media.RemoteSsrcs.AddRange(offered.Ssrcs());
        SdpRules.AssignLocalStream(_peer.Lines.Lines, media, streamId);
        return media;
    }
}
