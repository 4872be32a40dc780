using System.Net;
using System.Net.Sockets;
using System.Text;
using ContactCenter.Sip.Auth;
using ContactCenter.Sip.Media;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Sdp;
using ContactCenter.Sip.Transactions;

namespace ContactCenter.Sip.UserAgent;

public sealed partial class SipUserAgent
{
    private async Task OnNewInviteAsync(InviteServerTransaction tx, IPEndPoint source)
    {
        var request = tx.Request;
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        _pendingInvites[tx.Key] = cts;
        try
        {
            var rejection = await DecideAsync(tx, source, cts.Token).ConfigureAwait(false);
            if (rejection is not null)
            {
                SipLog.InviteRejected(_logger, request.CallId, source, rejection.StatusCode, rejection.ReasonPhrase);
                tx.SendResponse(rejection, retransmit: !IsRefusalOfForgery(rejection.StatusCode));
            }
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            // CANCEL already answered 487; shutdown leaves the client to time out.
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            SipLog.HandlerFailed(_logger, ex, request.CallId);
            tx.SendResponse(Respond(request, 500, "Server Internal Error", tx.LocalTag));
        }
        finally
        {
            _pendingInvites.TryRemove(tx.Key, out _);
        }
    }

    /// <summary>Runs the checks and the handler; returns the rejection to send, or null when the call was accepted.</summary>
    private async Task<SipMessage?> DecideAsync(InviteServerTransaction tx, IPEndPoint source, CancellationToken ct)
    {
        var request = tx.Request;
        if (!SipNameAddr.TryParse(request.From, out var from) || !SipNameAddr.TryParse(request.To, out var to))
        {
            return Respond(request, 400, "Bad Request", tx.LocalTag);
        }
        // Offer/answer (RFC 3264): answer the phone's offer, or offer ourselves when the INVITE has none.
        if (!TryReadOffer(request, out var offer, out var negotiation))
        {
            return Respond(request, 488, "Not Acceptable Here", tx.LocalTag)
                .AddHeader("Warning", "304 contactcenter \"Need an RTP/AVP audio offer with PCMU or PCMA\"");
        }

        var hasToken = UserToUserToken.TryExtract(request.GetHeaders(SipHeaderNames.UserToUser), out var token, out var uuiCallId);
        SipTrunkOptions? trunk = null;
        if (!hasToken)
        {
            var check = _trunks.Check(request, source.Address);
            switch (check.Outcome)
            {
                case TrunkCheckOutcome.UnknownSource:
                    return Respond(request, 403, "Forbidden", tx.LocalTag);
                case TrunkCheckOutcome.Challenge:
                    return Respond(request, check.StatusCode, check.StatusCode == 401 ? "Unauthorized" : "Proxy Authentication Required", tx.LocalTag)
                        .AddHeader(check.ChallengeHeaderName!, check.ChallengeHeader!);
                default:
                    trunk = check.Trunk;
                    break;
            }
        }

        var callerNumber = SipUri.TryParse(from.Uri, out var fromUri) ? fromUri.User : null;
        var context = new SipInviteContext(request.CallId!, request.RequestUri, from, to, callerNumber,
            hasToken ? token : null, uuiCallId, trunk, source, tx.Flow.Transport, offer, negotiation, request.Headers);
        var decision = await _handler.OnInviteAsync(context, ct).ConfigureAwait(false);
        ct.ThrowIfCancellationRequested();
        if (!decision.IsAccepted)
        {
            var response = Respond(request, decision.StatusCode, decision.ReasonPhrase, tx.LocalTag);
            var retryAfter = decision.RetryAfter;
            if (retryAfter is null && decision.StatusCode is 486 or 503 or 600)
            {
                retryAfter = TimeSpan.FromSeconds(_options.QueueFullRetryAfterSeconds);
            }
            if (retryAfter is { } wait)
            {
                response.AddHeader(SipHeaderNames.RetryAfter, Seconds(wait));
            }
            return response;
        }
        return Accept(tx, context, decision, source);
    }

    private SipMessage? Accept(InviteServerTransaction tx, SipInviteContext context, SipInviteDecision decision, IPEndPoint source)
    {
        var request = tx.Request;
        var negotiation = context.Negotiation;
        if (_ports.Allocate(negotiation.RtcpMux) is not { } sockets)
        {
            return Respond(request, 503, "Service Unavailable", tx.LocalTag).AddHeader("Warning", "399 contactcenter \"No RTP port free\"");
        }
        var legId = Guid.NewGuid().ToString("N");
        var localTag = tx.LocalTag ?? NewTag();
        var remoteRtp = context.Offer?.ConnectionAddress is { } address ? new IPEndPoint(address, context.Offer.Port) : null;
        var timeout = TimeSpan.FromSeconds(Math.Max(0, _options.NoRtpTimeoutSeconds));
        var leg = new RtpLeg(legId, sockets.Rtp, sockets.Rtcp, remoteRtp, negotiation, _time, timeout, _sink, _logger)
        {
            Symmetric = SymmetricRtpPolicy.Latches(context.Trunk?.SymmetricRtp ?? SymmetricRtpMode.Auto, remoteRtp?.Address, source.Address),
        };
        var bridge = new PhoneBridge(leg, negotiation.Codec, suppressSilence: _options.SuppressSilence);
        var call = new SipCall(this, legId, context, decision, localTag, context.From.Tag ?? "", tx.Flow, leg, bridge)
        {
            InviteTransaction = tx,
            RemoteCSeq = request.CSeq!.Value.Number,
            RemoteTarget = RemoteTargetOf(request),
            LocalIdentity = request.To + ";tag=" + localTag,
            RemoteIdentity = request.From!,
        };
        return AcceptCall(tx, call, context, source);
    }

    /// <summary>Registers the dialog, answers 180 then 200, and starts the media once the 200 really went out.</summary>
    private SipMessage? AcceptCall(InviteServerTransaction tx, SipCall call, SipInviteContext context, IPEndPoint source)
    {
        var request = tx.Request;
        var leg = call.Leg;
        leg.DtmfReceived += (_, digit, duration) => Notify(call, c => _handler.OnDtmf(c, digit, duration));
        leg.Ended += (_, reason) => OnLegEnded(call, reason);
        var offered = context.Offer?.Direction ?? MediaDirection.SendRecv;
        call.AnsweredDirection = SdpNegotiation.AnswerDirection(offered);
        call.OnHold = offered is MediaDirection.SendOnly or MediaDirection.Inactive;
        call.AwaitingAnswer = context.Offer is null;
        leg.Update(call.AnsweredDirection, null, context.Negotiation);
        tx.AckTimedOut = t => { _ = EndCallAsync(call, SipCallEndReason.AckTimeout, sendBye: true); };
        AddCall(call);

        // 180 then 200 with the answer; both carry our tag and Contact (RFC 3261 §13.3.1).
        tx.SendResponse(WithContact(Respond(request, 180, "Ringing", call.LocalTag), tx.Flow.Transport, source));
        var ok = WithCapabilities(WithContact(Respond(request, 200, "OK", call.LocalTag), tx.Flow.Transport, source));
        ok.AddHeader(SipHeaderNames.ContentType, "application/sdp");
        var local = LocalAddressFor(source.Address);
        ok.Body = Encoding.UTF8.GetBytes(call.AwaitingAnswer
            ? SdpAnswerWriter.WriteOffer(local, leg.LocalPort, call.SdpSessionId, call.SdpVersion)
            : SdpAnswerWriter.Write(local, leg.LocalPort, context.Negotiation, call.AnsweredDirection, call.SdpSessionId, call.SdpVersion));
        tx.SendResponse(ok);
        if (tx.LastStatusCode != 200)
        {
            // A CANCEL won the race and 487 went out instead: drop the call quietly.
            RemoveCall(call);
            call.TryEnd();
            call.Bridge.Dispose();
            _ = leg.DisposeAsync().AsTask();
            return null;
        }
        SipLog.CallAccepted(_logger, call.CallId, call.LegId, context.Negotiation.Codec, leg.LocalPort);
        leg.Start();
        return null;
    }

    /// <summary>re-INVITE in a dialog (RFC 3261 §14.2): new offer, e.g. hold with sendonly/inactive (RFC 3264 §8.4).</summary>
    private void OnReInvite(InviteServerTransaction tx)
    {
        var request = tx.Request;
        var call = FindCall(request);
        if (call is null || call.State == SipCallState.Ended)
        {
            tx.SendResponse(Respond(request, 481, "Call/Transaction Does Not Exist"), retransmit: false);
            return;
        }
        if (!AcceptCSeq(call, request))
        {
            tx.SendResponse(Respond(request, 500, "Server Internal Error", call.LocalTag).AddHeader(SipHeaderNames.RetryAfter, "1"));
            return;
        }
        var ok = WithCapabilities(WithContact(Respond(request, 200, "OK", call.LocalTag), tx.Flow.Transport, tx.Flow.Remote));
        ok.AddHeader(SipHeaderNames.ContentType, "application/sdp");
        var local = LocalAddressFor(tx.Flow.Remote.Address);
        if (request.Body.Length == 0)
        {
            ExpectAck(call, tx);
            // Offer-less re-INVITE (RFC 3261 §14.2, e.g. a session refresh): we offer, the ACK answers.
            call.AwaitingAnswer = true;
            ok.Body = Encoding.UTF8.GetBytes(SdpAnswerWriter.WriteOffer(local, call.Leg.LocalPort, call.SdpSessionId, call.SdpVersion));
            tx.SendResponse(ok);
            return;
        }
        if (!TryReadOffer(request, out var offer, out var negotiation) || offer is null)
        {
            // The session stays as it was (RFC 3261 §14.2); a lost ACK for this 488 must not end the call.
            tx.SendResponse(Respond(request, 488, "Not Acceptable Here", call.LocalTag));
            return;
        }
        ExpectAck(call, tx);
        var wasOnHold = call.OnHold;
        call.AnsweredDirection = SdpNegotiation.AnswerDirection(offer.Direction);
        call.OnHold = offer.Direction is MediaDirection.SendOnly or MediaDirection.Inactive;
        var remote = offer.ConnectionAddress is { } address ? new IPEndPoint(address, offer.Port) : null;
        // Keep the codec in use when it is still offered (no needless switch mid-call); otherwise follow the offer.
        var current = call.Leg.Negotiation;
        var kept = offer.PayloadTypes.Contains(current.PayloadType)
            ? current with { TelephoneEventPayloadType = negotiation.TelephoneEventPayloadType }
            : negotiation;
        call.Bridge.Codec = kept.Codec;
        call.Leg.Update(call.AnsweredDirection, remote, kept);
        ok.Body = Encoding.UTF8.GetBytes(SdpAnswerWriter.Write(local, call.Leg.LocalPort, kept, call.AnsweredDirection,
            call.SdpSessionId, call.SdpVersion));
        tx.SendResponse(ok);
        if (wasOnHold != call.OnHold)
        {
            Notify(call, c => _handler.OnHoldChanged(c, c.OnHold));
        }
    }

    /// <summary>The 200 for this (re-)INVITE needs its ACK; without one the dialog ends (RFC 3261 §13.3.1.4).</summary>
    private void ExpectAck(SipCall call, InviteServerTransaction tx)
    {
        call.InviteTransaction = tx;
        call.SdpVersion++;
        tx.AckTimedOut = t => { _ = EndCallAsync(call, SipCallEndReason.AckTimeout, sendBye: true); };
    }

    private SipMessage WithContact(SipMessage response, string transport, IPEndPoint remote)
    {
        var host = LocalAddressFor(remote.Address);
        var hostText = host.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{host}]" : host.ToString();
        var suffix = transport == "TCP" ? ";transport=tcp" : "";
        return response.AddHeader(SipHeaderNames.Contact, $"<sip:{hostText}:{LocalEndPoint.Port}{suffix}>");
    }

    /// <summary>
    /// The address the phone can reach us on: the advertised one, the bound one, or (bound to a wildcard)
    /// the one the OS would route from toward the phone.
    /// </summary>
    private IPAddress LocalAddressFor(IPAddress remote)
    {
        if (_options.AdvertisedAddress is { } advertised && IPAddress.TryParse(advertised, out var a))
        {
            return a;
        }
        if (!ListenIp.Equals(IPAddress.Any) && !ListenIp.Equals(IPAddress.IPv6Any))
        {
            return ListenIp;
        }
        using var probe = new Socket(remote.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        probe.Connect(new IPEndPoint(remote, 9));
        return ((IPEndPoint)probe.LocalEndPoint!).Address;
    }

    private static string RemoteTargetOf(SipMessage request)
    {
        var contact = request.GetHeader(SipHeaderNames.Contact);
        if (contact is not null && SipNameAddr.TryParse(contact, out var c))
        {
            return c.Uri;
        }
        return SipNameAddr.TryParse(request.From, out var f) ? f.Uri : request.RequestUri;
    }
}
