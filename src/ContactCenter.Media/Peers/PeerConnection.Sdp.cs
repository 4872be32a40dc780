using System.Globalization;
using System.Security.Cryptography;
using ContactCenter.Media.Dtls;
using ContactCenter.Media.Sdp;

namespace ContactCenter.Media.Peers;

public sealed partial class PeerConnection
{
    private readonly object _sdpLock = new();
    private SdpSessionDescription? _localOffer;

    /// <summary>
    /// We are the answerer (publish connection): accept the m-lines and codecs we support, reject the rest with
    /// port 0, bundle what we accept, and take the DTLS server role (<c>a=setup:passive</c>) unless the offer
    /// insists on being passive itself. Throws <see cref="FormatException"/> for unusable offers.
    /// </summary>
    public string CreateAnswer(string offerSdp)
    {
        var offer = SdpSessionDescription.Parse(offerSdp);
        lock (_sdpLock)
        {
            if (_media.Count > 0 || DtlsRole is not null)
            {
                throw new InvalidOperationException("This peer has already negotiated; renegotiation is not supported yet.");
            }

            ReadRemoteTransport(offer, offer.Media.FirstOrDefault(m => !m.IsRejected));
            // RFC 5763 §5: the answerer picks active or passive; actpass/active → we are passive (server).
            var remoteSetup = FirstTransportValue(offer, "setup") ?? "actpass";
            DtlsRole = remoteSetup == "passive" ? Dtls.DtlsRole.Client : Dtls.DtlsRole.Server;
            string ourSetup = DtlsRole == Dtls.DtlsRole.Server ? "passive" : "active";

            var streamId = Options.StreamId ?? NewToken(12);
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

            var announced = _transport.AnnouncedEndPoint;
            var answer = SdpMediaWriter.NewSession(announced, bundle.Count > 0, accepted.Select(a => a.Media.Mid));
            int next = 0;
            for (int i = 0; i < offer.Media.Count; i++)
            {
                if (next < accepted.Count && accepted[next].Index == i)
                {
                    var media = accepted[next++].Media;
                    answer.Media.Add(SdpMediaWriter.Accepted(
                        this, media, ourSetup, announced, offer.Media[i].Has("rtcp-rsize"), candidates: true));
                    _media.Add(media);
                }
                else
                {
                    answer.Media.Add(SdpMediaWriter.Rejected(offer.Media[i]));
                }
            }

            IndexMedia();
            TryStartDtls();
            return answer.ToString();
        }
    }

    /// <summary>
    /// We are the offerer (subscribe connection): one m-line per <paramref name="media"/>, <c>a=setup:actpass</c>.
    /// The DTLS role follows from the answer's setup in <see cref="SetRemoteAnswer"/>.
    /// </summary>
    public string CreateOffer(IReadOnlyList<OfferedMedia> media)
    {
        ArgumentOutOfRangeException.ThrowIfZero(media.Count);
        lock (_sdpLock)
        {
            if (_media.Count > 0 || _localOffer is not null)
            {
                throw new InvalidOperationException("This peer has already negotiated; renegotiation is not supported yet.");
            }

            var streamId = Options.StreamId ?? NewToken(12);
            var announced = _transport.AnnouncedEndPoint;
            var mids = Enumerable.Range(0, media.Count).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList();
            var offer = SdpMediaWriter.NewSession(announced, withBundle: true, mids);
            for (int i = 0; i < media.Count; i++)
            {
                var negotiated = new NegotiatedMedia(mids[i], media[i].Kind, i)
                {
                    Direction = media[i].Direction,
                    MidExtensionId = 1,
                };
                negotiated.Codecs.AddRange(CodecPolicy.Default(media[i].Kind));
                AssignLocalStream(negotiated, streamId);
                offer.Media.Add(SdpMediaWriter.Accepted(this, negotiated, "actpass", announced, rtcpRsize: true, candidates: true));
                _media.Add(negotiated);
            }

            _localOffer = offer;
            return offer.ToString();
        }
    }

    /// <summary>
    /// Applies the remote answer to our offer: ICE credentials, fingerprint and DTLS role (answer passive →
    /// we are the client; active → we are the server), and the codecs each accepted m-line kept.
    /// </summary>
    public void SetRemoteAnswer(string answerSdp)
    {
        var answer = SdpSessionDescription.Parse(answerSdp);
        lock (_sdpLock)
        {
            if (_localOffer is null || DtlsRole is not null)
            {
                throw new InvalidOperationException("SetRemoteAnswer needs a pending CreateOffer.");
            }

            if (answer.Media.Count != _media.Count)
            {
                throw new FormatException("The answer must have one m-line per offered m-line (RFC 3264 §6).");
            }

            ReadRemoteTransport(answer, answer.Media.FirstOrDefault(m => !m.IsRejected));
            var setup = FirstTransportValue(answer, "setup");
            DtlsRole = setup switch
            {
                "passive" => Dtls.DtlsRole.Client,
                "active" => Dtls.DtlsRole.Server,
                _ => throw new FormatException("The answer's a=setup must be active or passive (RFC 5763 §5)."),
            };

            var kept = new List<NegotiatedMedia>();
            for (int i = 0; i < answer.Media.Count; i++)
            {
                var remote = answer.Media[i];
                var ours = _media[i];
                if (remote.IsRejected)
                {
                    continue;
                }

                var codecs = CodecPolicy.Select(remote, ours.Kind, Options.AcceptTelephoneEvent)
                    .Where(c => ours.FindCodec(c.PayloadType) is not null).ToList();
                if (codecs.Count == 0)
                {
                    continue;
                }

                ours.Codecs.Clear();
                ours.Codecs.AddRange(codecs);
                ours.Direction = SdpDirection.Answer(Reverse(remote.Direction), ours.WeSend, ours.WeReceive);
                ours.RemoteSsrcs.AddRange(remote.Ssrcs());
                kept.Add(ours);
            }

            _media.Clear();
            _media.AddRange(kept);
            IndexMedia();
            TryStartDtls();
        }
    }

    private NegotiatedMedia? TryAccept(SdpMediaDescription offered, int index, string streamId, IReadOnlyList<string> bundle)
    {
        MediaKind? kind = offered.Media switch
        {
            "audio" when Options.AcceptAudio => MediaKind.Audio,
            "video" when Options.AcceptVideo => MediaKind.Video,
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

        var codecs = CodecPolicy.Select(offered, kind.Value, Options.AcceptTelephoneEvent, Options.AcceptH264);
        if (codecs.Count == 0)
        {
            return null;
        }

        var media = new NegotiatedMedia(mid, kind.Value, index)
        {
            Direction = SdpDirection.Answer(offered.Direction, Options.Send, Options.Receive),
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
        AssignLocalStream(media, streamId);
        return media;
    }

    private void AssignLocalStream(NegotiatedMedia media, string streamId)
    {
        if (!media.WeSend)
        {
            return;
        }

        uint ssrc;
        do
        {
            ssrc = (uint)RandomNumberGenerator.GetInt32(1, int.MaxValue);
        }
        while (_media.Exists(m => m.LocalSsrc == ssrc));

        media.LocalSsrc = ssrc;
        media.LocalStreamId = streamId;
        media.LocalTrackId = NewToken(16);
    }

    private void ReadRemoteTransport(SdpSessionDescription remote, SdpMediaDescription? first)
    {
        if (first is null)
        {
            throw new FormatException("The description has no active m-line.");
        }

        RemoteUfrag = remote.GetForMedia(first, "ice-ufrag") ?? throw new FormatException("a=ice-ufrag is missing.");
        RemotePassword = remote.GetForMedia(first, "ice-pwd") ?? throw new FormatException("a=ice-pwd is missing.");
        if (!DtlsFingerprint.TryParse(remote.GetForMedia(first, "fingerprint"), out var fingerprint))
        {
            throw new FormatException("a=fingerprint is missing or malformed.");
        }

        RemoteFingerprint = fingerprint;
    }

    private static string? FirstTransportValue(SdpSessionDescription description, string name)
    {
        foreach (var media in description.Media)
        {
            if (!media.IsRejected && description.GetForMedia(media, name) is { } value)
            {
                return value;
            }
        }

        return description.Get(name);
    }

    private static string Reverse(string direction) => direction switch
    {
        SdpDirection.SendOnly => SdpDirection.RecvOnly,
        SdpDirection.RecvOnly => SdpDirection.SendOnly,
        _ => direction,
    };

    private static string NewToken(int length) =>
        RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz0123456789", length);
}
