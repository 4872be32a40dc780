using System.Globalization;
using ContactCenter.Media.Dtls;
using ContactCenter.Media.Sdp;

namespace ContactCenter.Media.Peers;

/// <summary>
/// The offering side of a peer's negotiation: a first offer (the dev echo's server offer), and the subscribe
/// connection's offers, which grow and reuse m-lines (RFC 3264 §8) while the DTLS association and SRTP contexts
/// stay (RFC 8829 §5.2.2). Holds the pending local offer.
/// </summary>
internal sealed class SdpOfferer(PeerConnection peer)
{
    private readonly PeerConnection _peer = peer;
    private SdpSessionDescription? _localOffer;

    /// <summary>
    /// We are the offerer (subscribe connection): one m-line per <paramref name="media"/>, <c>a=setup:actpass</c>.
    /// The DTLS role follows from the answer's setup in <see cref="SetRemoteAnswer"/>.
    /// </summary>
    public string CreateOffer(IReadOnlyList<OfferedMedia> media)
    {
        ArgumentOutOfRangeException.ThrowIfZero(media.Count);
        lock (_peer.NegotiationLock)
        {
            if (_peer.Lines.Lines.Count > 0 || _localOffer is not null)
            {
                throw new InvalidOperationException("This peer has already negotiated; renegotiation is not supported yet.");
            }

            var streamId = _peer.Options.StreamId ?? SdpRules.NewToken(12);
            var announced = _peer.AnnouncedEndPoint;
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
                SdpRules.AssignLocalStream(_peer.Lines.Lines, negotiated, streamId);
                offer.Media.Add(SdpMediaWriter.Accepted(_peer, negotiated, "actpass", announced, rtcpRsize: true, candidates: true));
                _peer.Lines.Lines.Add(negotiated);
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
        lock (_peer.NegotiationLock)
        {
            if (_localOffer is null || _peer.Dtls.Role is not null)
            {
                throw new InvalidOperationException("SetRemoteAnswer needs a pending CreateOffer.");
            }

            if (answer.Media.Count != _peer.Lines.Lines.Count)
            {
                throw new FormatException("The answer must have one m-line per offered m-line (RFC 3264 §6).");
            }

            SdpRules.ReadRemoteTransport(_peer, answer, answer.Media.FirstOrDefault(m => !m.IsRejected));
            var setup = SdpRules.FirstTransportValue(answer, "setup");
            _peer.Dtls.Role = setup switch
            {
                "passive" => DtlsRole.Client,
                "active" => DtlsRole.Server,
                _ => throw new FormatException("The answer's a=setup must be active or passive (RFC 5763 §5)."),
            };

            var kept = new List<NegotiatedMedia>();
            for (int i = 0; i < answer.Media.Count; i++)
            {
                var remote = answer.Media[i];
                var ours = _peer.Lines.Lines[i];
                if (remote.IsRejected)
                {
                    continue;
                }

                var codecs = CodecPolicy.Select(remote, ours.Kind, _peer.Options.AcceptTelephoneEvent)
                    .Where(c => ours.FindCodec(c.PayloadType) is not null).ToList();
                if (codecs.Count == 0)
                {
                    continue;
                }

                ours.Codecs.Clear();
                ours.Codecs.AddRange(codecs);
                ours.Direction = SdpDirection.Answer(SdpRules.Reverse(remote.Direction), ours.WeSend, ours.WeReceive);
                ours.RemoteSsrcs.AddRange(remote.Ssrcs());
                kept.Add(ours);
            }

            _peer.Lines.Lines.Clear();
            _peer.Lines.Lines.AddRange(kept);
            _peer.Lines.Index();
            _peer.TryStartDtls();
        }
    }

    /// <summary>
    /// Our offer on a subscribe connection with exactly <paramref name="lines"/>: the m-lines of earlier offers
    /// first (same kinds, same mids), then new ones. Lines without a stream are offered inactive.
    /// </summary>
    public string CreateSubscribeOffer(IReadOnlyList<OutgoingLine> lines)
    {
        ArgumentOutOfRangeException.ThrowIfZero(lines.Count);
        lock (_peer.NegotiationLock)
        {
            if (lines.Count < _peer.Lines.Lines.Count)
            {
                throw new InvalidOperationException("m-lines cannot be removed from a subsequent offer (RFC 3264 §8.1).");
            }

            var announced = _peer.AnnouncedEndPoint;
            var mids = new List<string>(lines.Count);
            for (int i = 0; i < lines.Count; i++)
            {
                mids.Add(i.ToString(CultureInfo.InvariantCulture));
            }

            // RFC 5763 §5: the first offer lets the answerer choose; later ones keep the established roles.
            string setup = _peer.Dtls.Role switch
            {
                DtlsRole.Client => "active",
                DtlsRole.Server => "passive",
                _ => "actpass",
            };
            var offer = SdpMediaWriter.NewSession(announced, withBundle: true, mids);
            for (int i = 0; i < lines.Count; i++)
            {
                var line = lines[i];
                NegotiatedMedia media;
                if (i < _peer.Lines.Lines.Count)
                {
                    media = _peer.Lines.Lines[i];
                    if (media.Kind != line.Kind)
                    {
                        throw new InvalidOperationException($"m-line {i} is {media.Kind}; it cannot carry {line.Kind}.");
                    }
                }
                else
                {
                    // No header extensions: forwarded packets carry the publisher's extension ids, which must
                    // not be read as ours, so the subscriber demultiplexes by the declared SSRC.
                    media = new NegotiatedMedia(mids[i], line.Kind, i) { MidExtensionId = 0 };
                    media.Codecs.AddRange(CodecPolicy.Default(line.Kind));
                    _peer.Lines.Lines.Add(media);
                }

                media.Direction = line.Send ? SdpDirection.SendOnly : SdpDirection.Inactive;
                media.LocalSsrc = line.Send ? line.Ssrc : 0;
                media.LocalStreamId = line.StreamId;
                media.LocalTrackId = line.TrackId;
                offer.Media.Add(SdpMediaWriter.Accepted(_peer, media, setup, announced, rtcpRsize: true, candidates: true));
            }

            _localOffer = offer;
            return offer.ToString();
        }
    }

    /// <summary>
    /// Applies the answer to <see cref="CreateSubscribeOffer"/>. A subscribe connection only receives: an
    /// answer with another number of m-lines, or one that wants to send on a line (a send direction or a=ssrc),
    /// is refused and changes nothing. Returns the codecs each line kept (empty when rejected).
    /// </summary>
    public IReadOnlyList<IReadOnlyList<NegotiatedCodec>> ApplySubscribeAnswer(string answerSdp)
    {
        var answer = SdpSessionDescription.Parse(answerSdp);
        lock (_peer.NegotiationLock)
        {
            if (_localOffer is null)
            {
                throw new InvalidOperationException("There is no pending offer.");
            }

            if (answer.Media.Count != _peer.Lines.Lines.Count)
            {
                throw new FormatException(
                    $"The answer has {answer.Media.Count} m-line(s) but the offer had {_peer.Lines.Lines.Count} (RFC 3264 §6).");
            }

            var kept = new List<IReadOnlyList<NegotiatedCodec>>(_peer.Lines.Lines.Count);
            for (int i = 0; i < answer.Media.Count; i++)
            {
                var remote = answer.Media[i];
                var ours = _peer.Lines.Lines[i];
                if (remote.IsRejected)
                {
                    kept.Add([]);
                    continue;
                }

                if (remote.Mid is { } mid && mid != ours.Mid)
                {
                    throw new FormatException($"m-line {i} of the answer has mid {mid}, the offer's is {ours.Mid}.");
                }

                if (remote.Direction is SdpDirection.SendRecv or SdpDirection.SendOnly || remote.Ssrcs().Count > 0)
                {
                    throw new FormatException($"m-line {ours.Mid} is receive-only: the answer may not send on it (direction or a=ssrc).");
                }

                var codecs = CodecPolicy.Select(remote, ours.Kind, _peer.Options.AcceptTelephoneEvent)
                    .Where(c => ours.FindCodec(c.PayloadType) is not null).ToList();
                kept.Add(codecs);
            }

            SdpRules.ReadRemoteTransport(_peer, answer, answer.Media.FirstOrDefault(m => !m.IsRejected));
            _peer.Ice.CompleteRestart();
            if (_peer.Dtls.Role is null)
            {
                _peer.Dtls.Role = SdpRules.FirstTransportValue(answer, "setup") switch
                {
                    "passive" => DtlsRole.Client,
                    "active" => DtlsRole.Server,
                    _ => throw new FormatException("The answer's a=setup must be active or passive (RFC 5763 §5)."),
                };
            }

            for (int i = 0; i < _peer.Lines.Lines.Count; i++)
            {
                var ours = _peer.Lines.Lines[i];
                if (kept[i].Count == 0)
                {
                    ours.Direction = SdpDirection.Inactive;
                    continue;
                }

                ours.Codecs.Clear();
                ours.Codecs.AddRange(kept[i]);
                ours.Direction = SdpDirection.Answer(SdpRules.Reverse(answer.Media[i].Direction), ours.WeSend, weReceive: false);
            }

            _localOffer = null;
            _peer.TryStartDtls();
            return kept;
        }
    }
}
