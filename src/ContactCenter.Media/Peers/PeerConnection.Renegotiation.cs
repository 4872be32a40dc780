using System.Globalization;
using ContactCenter.Media.Routing;
using ContactCenter.Media.Sdp;

namespace ContactCenter.Media.Peers;

/// <summary>
/// Offer/answer after the first exchange, as the SFU needs it: the subscribe connection's server offers grow and
/// reuse m-lines, and the publish connection answers later client offers (new streams, ICE restart). The DTLS
/// association and SRTP contexts stay; only ICE credentials and m-lines change (RFC 8829 §5.2.2, §5.3.2).
/// </summary>
public sealed partial class PeerConnection
{
    /// <summary>
    /// Our offer on a subscribe connection with exactly <paramref name="lines"/>: the m-lines of earlier offers
    /// first (same kinds, same mids), then new ones. Lines without a stream are offered inactive.
    /// </summary>
    public string CreateSubscribeOffer(IReadOnlyList<OutgoingLine> lines)
    {
        ArgumentOutOfRangeException.ThrowIfZero(lines.Count);
        lock (_sdpLock)
        {
            if (lines.Count < _media.Count)
            {
                throw new InvalidOperationException("m-lines cannot be removed from a subsequent offer (RFC 3264 §8.1).");
            }

            var announced = _transport.AnnouncedEndPoint;
            var mids = new List<string>(lines.Count);
            for (int i = 0; i < lines.Count; i++)
            {
                mids.Add(i.ToString(CultureInfo.InvariantCulture));
            }

            // RFC 5763 §5: the first offer lets the answerer choose; later ones keep the established roles.
            string setup = DtlsRole switch
            {
                Dtls.DtlsRole.Client => "active",
                Dtls.DtlsRole.Server => "passive",
                _ => "actpass",
            };
            var offer = SdpMediaWriter.NewSession(announced, withBundle: true, mids);
            for (int i = 0; i < lines.Count; i++)
            {
                var line = lines[i];
                NegotiatedMedia media;
                if (i < _media.Count)
                {
                    media = _media[i];
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
                    _media.Add(media);
                }

                media.Direction = line.Send ? SdpDirection.SendOnly : SdpDirection.Inactive;
                media.LocalSsrc = line.Send ? line.Ssrc : 0;
                media.LocalStreamId = line.StreamId;
                media.LocalTrackId = line.TrackId;
                offer.Media.Add(SdpMediaWriter.Accepted(this, media, setup, announced, rtcpRsize: true, candidates: true));
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
        lock (_sdpLock)
        {
            if (_localOffer is null)
            {
                throw new InvalidOperationException("There is no pending offer.");
            }

            if (answer.Media.Count != _media.Count)
            {
                throw new FormatException(
                    $"The answer has {answer.Media.Count} m-line(s) but the offer had {_media.Count} (RFC 3264 §6).");
            }

            var kept = new List<IReadOnlyList<NegotiatedCodec>>(_media.Count);
            for (int i = 0; i < answer.Media.Count; i++)
            {
                var remote = answer.Media[i];
                var ours = _media[i];
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

                var codecs = CodecPolicy.Select(remote, ours.Kind, Options.AcceptTelephoneEvent)
                    .Where(c => ours.FindCodec(c.PayloadType) is not null).ToList();
                kept.Add(codecs);
            }

            ReadRemoteTransport(answer, answer.Media.FirstOrDefault(m => !m.IsRejected));
            CompleteIceRestart();
            if (DtlsRole is null)
            {
                DtlsRole = FirstTransportValue(answer, "setup") switch
                {
                    "passive" => Dtls.DtlsRole.Client,
                    "active" => Dtls.DtlsRole.Server,
                    _ => throw new FormatException("The answer's a=setup must be active or passive (RFC 5763 §5)."),
                };
            }

            for (int i = 0; i < _media.Count; i++)
            {
                var ours = _media[i];
                if (kept[i].Count == 0)
                {
                    ours.Direction = SdpDirection.Inactive;
                    continue;
                }

                ours.Codecs.Clear();
                ours.Codecs.AddRange(kept[i]);
                ours.Direction = SdpDirection.Answer(Reverse(answer.Media[i].Direction), ours.WeSend, weReceive: false);
            }

            _localOffer = null;
            TryStartDtls();
            return kept;
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
        lock (_sdpLock)
        {
            if (DtlsRole is not { } role)
            {
                throw new InvalidOperationException("CreateSubsequentAnswer needs an earlier CreateAnswer.");
            }

            var previousFingerprint = RemoteFingerprint;
            ReadRemoteTransport(offer, offer.Media.FirstOrDefault(m => !m.IsRejected));
            if (previousFingerprint is not null && !Equals(previousFingerprint.ToString(), RemoteFingerprint?.ToString()))
            {
                RemoteFingerprint = previousFingerprint;
                throw new FormatException("The DTLS fingerprint changed; a new connection is needed.");
            }

            string ourSetup = role == Dtls.DtlsRole.Server ? "passive" : "active";
            var streamId = Options.StreamId ?? NewToken(12);
            var bundle = offer.BundleMids();
            var answered = new NegotiatedMedia?[offer.Media.Count];
            for (int i = 0; i < offer.Media.Count; i++)
            {
                var offered = offer.Media[i];
                var existing = offered.Mid is { } mid ? _media.Find(m => m.Mid == mid) : null;
                if (existing is not null)
                {
                    if (offered.IsRejected)
                    {
                        existing.Direction = SdpDirection.Inactive;
                        continue;
                    }

                    existing.Direction = SdpDirection.Answer(offered.Direction, Options.Send, Options.Receive);
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
                    _media.Add(added);
                    foreach (var codec in added.Codecs)
                    {
                        // Array writes only: the receive loop may be reading this table right now.
                        _byPayloadType[codec.PayloadType] ??= added;
                    }

                    answered[i] = added;
                }
            }

            var announced = _transport.AnnouncedEndPoint;
            var acceptedMids = answered.Where(m => m is not null).Select(m => m!.Mid).ToList();
            var answer = SdpMediaWriter.NewSession(announced, bundle.Count > 0, acceptedMids);
            for (int i = 0; i < offer.Media.Count; i++)
            {
                answer.Media.Add(answered[i] is { } media
                    ? SdpMediaWriter.Accepted(this, media, ourSetup, announced, offer.Media[i].Has("rtcp-rsize"), candidates: true)
                    : SdpMediaWriter.Rejected(offer.Media[i]));
            }

            return answer.ToString();
        }
    }
}
