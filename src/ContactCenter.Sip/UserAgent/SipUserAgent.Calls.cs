using System.Globalization;
using ContactCenter.Sip.Media;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;
using ContactCenter.Sip.Transport;

namespace ContactCenter.Sip.UserAgent;

public sealed partial class SipUserAgent
{
    private void AddCall(SipCall call)
    {
        lock (_tickLock)
        {
            _calls[SipCall.DialogKey(call.CallId, call.LocalTag)] = call;
            _tickList = [.. _calls.Values];
        }
        (call.Flow as TcpConnection)?.CallStarted();
    }

    private void RemoveCall(SipCall call)
    {
        lock (_tickLock)
        {
            if (!_calls.TryRemove(SipCall.DialogKey(call.CallId, call.LocalTag), out _))
            {
                return;
            }
            _tickList = [.. _calls.Values];
        }
        (call.Flow as TcpConnection)?.CallEnded();
    }

    private void OnLegEnded(SipCall call, RtpLegEndReason reason)
    {
        if (reason == RtpLegEndReason.Closed)
        {
            return;
        }
        var callReason = reason == RtpLegEndReason.NoRtpTimeout ? SipCallEndReason.NoRtpTimeout : SipCallEndReason.MediaError;
        _ = EndCallAsync(call, callReason, sendBye: true);
    }

    /// <summary>
    /// Ends a call once: stops media, tells the handler, and sends BYE when we are the ones hanging up.
    /// With <paramref name="waitForBye"/> false the BYE transaction runs on without being awaited (shutdown).
    /// </summary>
    internal async Task EndCallAsync(SipCall call, SipCallEndReason reason, bool sendBye, bool waitForBye = true)
    {
        if (!call.TryEnd())
        {
            return;
        }
        call.EndReason = reason;
        RemoveCall(call);
        SipLog.CallEnded(_logger, call.CallId, reason);
        call.Bridge.Dispose();
        await call.Leg.DisposeAsync().ConfigureAwait(false);
        Notify(call, c => _handler.OnCallEnded(c, reason));
        if (sendBye)
        {
            var bye = SendByeAsync(call);
            if (waitForBye)
            {
                await bye.ConfigureAwait(false);
            }
        }
    }

    /// <summary>BYE inside the dialog (RFC 3261 §15.1.1) through a non-INVITE client transaction, over the INVITE's flow.</summary>
    private async Task SendByeAsync(SipCall call)
    {
        uint cseq;
        lock (call)
        {
            cseq = call.LocalCSeq++;
        }
        var flow = call.Flow;
        var local = flow.Transport == "TCP" ? flow.Local : LocalEndPoint;
        var host = LocalAddressFor(flow.Remote.Address);
        var branch = NewBranch();
        var bye = SipMessage.CreateRequest("BYE", call.RemoteTarget)
            .AddHeader(SipHeaderNames.Via, $"SIP/2.0/{flow.Transport} {host}:{local.Port};branch={branch};rport")
            .AddHeader(SipHeaderNames.MaxForwards, "70")
            .AddHeader(SipHeaderNames.From, call.LocalIdentity)
            .AddHeader(SipHeaderNames.To, call.RemoteIdentity)
            .AddHeader(SipHeaderNames.CallId, call.CallId)
            .AddHeader(SipHeaderNames.CSeq, cseq.ToString(CultureInfo.InvariantCulture) + " BYE")
            .AddHeader(SipHeaderNames.UserAgent, _options.ServerName);
        if (call.EndReason is { } reason && reason != SipCallEndReason.LocalHangUp)
        {
            // RFC 3326: say why we hung up.
            bye.AddHeader(SipHeaderNames.Reason, $"SIP;cause=200;text=\"{reason}\"");
        }
        var key = branch + "|BYE";
        var tx = new NonInviteClientTransaction(key, bye, flow, _time, _timers)
        {
            Terminated = t => _clientTransactions.TryRemove(new KeyValuePair<string, NonInviteClientTransaction>(t.Key, t)),
        };
        _clientTransactions[key] = tx;
        tx.Start();
        await tx.Completion.ConfigureAwait(false);
    }
}
