using System.Globalization;
using System.Net;
using ContactCenter.Sip.Limits;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;
using ContactCenter.Sip.Transport;

namespace ContactCenter.Sip.UserAgent;

public sealed partial class SipUserAgent
{
    /// <summary>Methods defined by SIP extensions that we recognise but do not support: 405, not 501 (RFC 3261 §21.4.6, §21.5.2).</summary>
    private static readonly HashSet<string> s_knownUnsupported = new(StringComparer.Ordinal)
    {
        "REGISTER", "PRACK", "SUBSCRIBE", "NOTIFY", "PUBLISH", "INFO", "REFER", "MESSAGE", "UPDATE",
    };

    private void OnRequest(SipMessage request, IPEndPoint source, Func<IPEndPoint, ISipFlow> flowFor)
    {
        var via = request.TopVia!;
        var sourceFlow = flowFor(source);
        // RFC 3261 §18.2.1 / RFC 3581 §4: record where the request really came from.
        if (via.HasRport || via.Host != source.Address.ToString())
        {
            request.ReplaceTopVia(via.WithReceived(source.Address.ToString(), source.Port).ToString());
        }
        var flow = sourceFlow.IsReliable ? sourceFlow : flowFor(ResponseTarget(via, source, sourceFlow));

        if (request.Method == "ACK")
        {
            OnAck(request);
            return;
        }
        var key = SipTransactionKeys.ForServer(request)!;
        if (_serverTransactions.TryGetValue(key, out var existing))
        {
            existing.OnRequestRetransmission();
            return;
        }
        if (request.Method == "INVITE")
        {
            if (!AdmitInvite(request, source, flow))
            {
                return;
            }
            var invite = new InviteServerTransaction(key, request, flow, _time, _timers) { LocalTag = request.ToTag ?? NewTag() };
            if (!Register(invite))
            {
                return;
            }
            invite.ScheduleTrying();
            if (UnsupportedRequirements(request) is { } unsupported)
            {
                invite.SendResponse(Respond(request, 420, "Bad Extension", invite.LocalTag).AddHeader("Unsupported", unsupported), retransmit: false);
            }
            else if (!IsSupportedScheme(request.RequestUri))
            {
                invite.SendResponse(Respond(request, 416, "Unsupported URI Scheme", invite.LocalTag), retransmit: false);
            }
            else if (request.ToTag is null)
            {
                _ = Task.Run(() => OnNewInviteAsync(invite, source));
            }
            else
            {
                OnReInvite(invite);
            }
            return;
        }

        var tx = new NonInviteServerTransaction(key, request, flow, _time, _timers);
        if (!Register(tx))
        {
            return;
        }
        if (request.Method != "CANCEL" && UnsupportedRequirements(request) is { } tags)
        {
            tx.SendResponse(Respond(request, 420, "Bad Extension").AddHeader("Unsupported", tags));
            return;
        }
        switch (request.Method)
        {
            case "OPTIONS":
                tx.SendResponse(WithCapabilities(Respond(request, 200, "OK")));
                break;
            case "CANCEL":
                OnCancel(tx);
                break;
            case "BYE":
                OnBye(tx);
                break;
            default:
                if (s_knownUnsupported.Contains(request.Method))
                {
                    tx.SendResponse(Respond(request, 405, "Method Not Allowed").AddHeader(SipHeaderNames.Allow, AllowedMethods));
                }
                else
                {
                    tx.SendResponse(Respond(request, 501, "Not Implemented").AddHeader(SipHeaderNames.Allow, AllowedMethods));
                }
                break;
        }
    }

    /// <summary>
    /// The per-address INVITE rate (retransmissions of a known transaction never reach here). Over it, the first
    /// refusal in a second is a stateless 503 with Retry-After (RFC 3261 §21.5.4), the rest get no answer at all.
    /// </summary>
    private bool AdmitInvite(SipMessage request, IPEndPoint source, ISipFlow flow)
    {
        var admission = _inviteLimiter.Admit(source.Address);
        if (admission == InviteAdmission.Allowed)
        {
            return true;
        }
        var answered = admission == InviteAdmission.RefuseWith503;
        _metrics.InviteRateLimited(answered);
        SipLog.InviteRateLimited(_logger, request.CallId, source, answered);
        if (answered)
        {
            flow.Send(SipSerializer.Serialize(Respond(request, 503, "Service Unavailable")
                .AddHeader(SipHeaderNames.RetryAfter, _inviteLimiter.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture))));
        }
        return false;
    }

    /// <summary>
    /// Refusals that forged or malformed INVITEs draw: sent once, never retransmitted (a client that missed one
    /// retransmits its INVITE and gets it again), so a spoofed flood is not amplified toward its victim.
    /// </summary>
    internal static bool IsRefusalOfForgery(int statusCode) => statusCode is 400 or 403 or 404 or 416 or 420 or 481 or 488;

    /// <summary>
    /// We implement no SIP extensions (no 100rel, no timer), so any option tag in Require is refused with
    /// 420 listing it in Unsupported (RFC 3261 §8.2.2.3). CANCEL and ACK never carry Require meaningfully.
    /// </summary>
    private static string? UnsupportedRequirements(SipMessage request)
    {
        var tags = new List<string>();
        foreach (var value in request.GetHeaders("Require"))
        {
            foreach (var tag in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                tags.Add(tag);
            }
        }
        return tags.Count == 0 ? null : string.Join(", ", tags);
    }

    private bool Register(SipServerTransaction tx)
    {
        tx.Terminated = t => _serverTransactions.TryRemove(new KeyValuePair<string, SipServerTransaction>(t.Key, t));
        return _serverTransactions.TryAdd(tx.Key, tx);
    }

    private static bool IsSupportedScheme(string uri) =>
        uri.StartsWith("sip:", StringComparison.OrdinalIgnoreCase) || uri.StartsWith("sips:", StringComparison.OrdinalIgnoreCase)
        || uri.StartsWith("tel:", StringComparison.OrdinalIgnoreCase);

    /// <summary>A response with our Server header; out-of-dialog final responses get a fresh To-tag (RFC 3261 §8.2.6.2).</summary>
    private SipMessage Respond(SipMessage request, int status, string reason, string? toTag = null)
    {
        var response = request.CreateResponseTo(status, reason, toTag ?? (status > 100 ? NewTag() : null));
        response.AddHeader(SipHeaderNames.Server, _options.ServerName);
        return response;
    }

    private static SipMessage WithCapabilities(SipMessage response) => response
        .AddHeader(SipHeaderNames.Allow, AllowedMethods)
        .AddHeader(SipHeaderNames.Accept, "application/sdp")
        .AddHeader(SipHeaderNames.Supported, "");

    private void OnAck(SipMessage ack)
    {
        // ACK for a non-2xx: same branch as the INVITE, so it matches the transaction (RFC 3261 §17.2.3).
        var key = SipTransactionKeys.ForServer(ack);
        if (key is not null && _serverTransactions.TryGetValue(key, out var tx) && tx is InviteServerTransaction { State: SipTransactionState.Completed } invite)
        {
            invite.OnAck();
            return;
        }
        // ACK for a 2xx is its own transaction and is matched by dialog (RFC 3261 §13.3.1.4).
        var call = FindCall(ack);
        if (call is null)
        {
            return;
        }
        call.InviteTransaction?.OnAck();
        var wasOnHold = call.OnHold;
        if (call.AwaitingAnswer && !ApplyAnswerFromAck(call, ack))
        {
            _ = EndCallAsync(call, SipCallEndReason.BadAnswer, sendBye: true);
            return;
        }
        if (wasOnHold != call.OnHold && call.State == SipCallState.Established)
        {
            Notify(call, c => _handler.OnHoldChanged(c, c.OnHold));
        }
        if (call.TryTransition(SipCallState.Accepted, SipCallState.Established))
        {
            Notify(call, c => _handler.OnCallEstablished(c));
        }
    }

    private void OnCancel(NonInviteServerTransaction tx)
    {
        // The CANCEL matches the INVITE with the same branch and sent-by (RFC 3261 §9.2).
        var inviteKey = SipTransactionKeys.ForServer(tx.Request)!;
        inviteKey = inviteKey[..inviteKey.LastIndexOf('|')] + "|INVITE";
        if (!_serverTransactions.TryGetValue(inviteKey, out var found) || found is not InviteServerTransaction invite)
        {
            tx.SendResponse(Respond(tx.Request, 481, "Call/Transaction Does Not Exist"));
            return;
        }
        tx.SendResponse(Respond(tx.Request, 200, "OK", invite.LocalTag));
        if (invite.State == SipTransactionState.Proceeding)
        {
            if (_pendingInvites.TryRemove(invite.Key, out var cts))
            {
                try
                {
                    cts.Cancel();
                }
                catch (ObjectDisposedException)
                {
                    // The decision finished a moment ago; the transaction state below settles who won.
                }
            }
            invite.SendResponse(Respond(invite.Request, 487, "Request Terminated", invite.LocalTag));
        }
    }

    private void OnBye(NonInviteServerTransaction tx)
    {
        var call = FindCall(tx.Request);
        if (call is null)
        {
            tx.SendResponse(Respond(tx.Request, 481, "Call/Transaction Does Not Exist"));
            return;
        }
        if (!AcceptCSeq(call, tx.Request))
        {
            tx.SendResponse(Respond(tx.Request, 500, "Server Internal Error", call.LocalTag)
                .AddHeader(SipHeaderNames.RetryAfter, "1"));
            return;
        }
        tx.SendResponse(Respond(tx.Request, 200, "OK", call.LocalTag));
        _ = EndCallAsync(call, SipCallEndReason.RemoteBye, sendBye: false);
    }

    /// <summary>In-dialog requests must have increasing CSeq numbers (RFC 3261 §12.2.2).</summary>
    private static bool AcceptCSeq(SipCall call, SipMessage request)
    {
        var number = request.CSeq!.Value.Number;
        lock (call)
        {
            if (number <= call.RemoteCSeq)
            {
                return false;
            }
            call.RemoteCSeq = number;
            return true;
        }
    }

    /// <summary>Finds the dialog of an in-dialog request: Call-ID, our tag in To, theirs in From (RFC 3261 §12.2.2).</summary>
    private SipCall? FindCall(SipMessage request)
    {
        var localTag = request.ToTag;
        if (localTag is null || request.CallId is null)
        {
            return null;
        }
        return _calls.TryGetValue(SipCall.DialogKey(request.CallId, localTag), out var call)
            && string.Equals(call.RemoteTag, request.FromTag, StringComparison.Ordinal) ? call : null;
    }

    private void OnResponse(SipMessage response)
    {
        var key = SipTransactionKeys.ForClient(response);
        if (key is not null && _clientTransactions.TryGetValue(key, out var tx))
        {
            tx.OnResponse(response);
        }
    }

    private void Notify(SipCall call, Action<SipCall> action)
    {
        try
        {
            action(call);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            SipLog.HandlerFailed(_logger, ex, call.CallId);
        }
    }

    internal static string NewTag() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(6));

    internal static string NewBranch() =>
        SipVia.BranchCookie + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8));

    private static string Seconds(TimeSpan span) => ((int)Math.Ceiling(span.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
