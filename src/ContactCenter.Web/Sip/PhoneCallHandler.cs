using System.Collections.Concurrent;
using ContactCenter.Core.Agents;
using ContactCenter.Core.Queue;
using ContactCenter.Core.Services;
using ContactCenter.Media.Phones;
using ContactCenter.Media.Routing;
using ContactCenter.Sip.Media;
using ContactCenter.Sip.Sdp;
using ContactCenter.Sip.UserAgent;
using Microsoft.Extensions.Options;

namespace ContactCenter.Web.Sip;

/// <summary>
/// Phones in the control plane and the SFU. An INVITE becomes a participant (Bandwidth style with a
/// User-To-User token, or a new queued customer from a trunk; PhoneCallHandler.Invite.cs); once established the
/// phone joins the router as a <see cref="PhoneMediaEndpoint"/> whose edges are exactly its subscriptions,
/// digits go to the agent desk, and the end of the call removes the member (records kept).
/// </summary>
internal sealed partial class PhoneCallHandler : ISipCallHandler, IPhoneMediaSink, IDisposable
{
    private readonly IServiceScopeFactory _scopes;
    private readonly CallCenter _callCenter;
    private readonly IDtmfFeed _dtmf;
    private readonly SfuRouter _router;
    private readonly PhoneCallOptions _options;
    private readonly ILogger<PhoneCallHandler> _logger;

    // Accepted but not yet established, by participant id (the SipCall does not exist before the 200 OK).
    private readonly ConcurrentDictionary<string, PhoneLeg> _pending = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, PhoneLeg> _legs = new(StringComparer.Ordinal);
    private readonly IDisposable _queueSubscription;

    public PhoneCallHandler(IServiceScopeFactory scopes, CallCenter callCenter, IDtmfFeed dtmf, SfuRouter router,
        IOptions<PhoneCallOptions> options, ILogger<PhoneCallHandler> logger)
    {
        _scopes = scopes;
        _callCenter = callCenter;
        _dtmf = dtmf;
        _router = router;
        _options = options.Value;
        _logger = logger;
        _queueSubscription = callCenter.Subscribe(OnQueueChangedAsync);
    }

    /// <summary>Established phone legs, by the SIP leg id.</summary>
    internal IReadOnlyDictionary<string, PhoneLeg> Legs => _legs;

    public void OnCallEstablished(SipCall call)
    {
        if (call.ParticipantId is not { } participantId || !_pending.TryRemove(participantId, out var leg))
        {
            return;
        }

        var negotiation = call.Leg.Negotiation;
        var endpoint = new PhoneMediaEndpoint(new BridgeAudioTarget(call), negotiation.Codec == G711Codec.Pcmu ? "PCMU" : "PCMA",
            negotiation.PayloadType);
        leg.Endpoint = endpoint;
        leg.Call = call;
        _legs[call.LegId] = leg;
        _router.JoinPhone(participantId, leg.SessionId, endpoint, PhoneStreams.MicrophoneAlias);
        if (call.State == SipCallState.Ended)
        {
            // Ended while joining: OnCallEnded may have missed the leg.
            Cleanup(call, leg, SipCallEndReason.RemoteBye);
        }
    }

    public void OnHoldChanged(SipCall call, bool onHold) => SipHostLog.Hold(_logger, call.CallId, onHold);

    public void OnDtmf(SipCall call, char digit, int durationSamples)
    {
        if (_legs.TryGetValue(call.LegId, out var leg))
        {
            SipHostLog.Dtmf(_logger, call.CallId, digit);
            // The agent desk listens by call id, which is the session id for queued calls.
            _dtmf.Publish(leg.SessionId, digit);
        }
    }

    public void OnCallEnded(SipCall call, SipCallEndReason reason)
    {
        if (_legs.TryGetValue(call.LegId, out var leg)
            || (call.ParticipantId is { } participantId && _pending.TryRemove(participantId, out leg)))
        {
            Cleanup(call, leg, reason);
        }
    }

    public void OnPhoneRtp(string legId, ReadOnlySpan<byte> rtpPacket)
    {
        if (_legs.TryGetValue(legId, out var leg))
        {
            leg.Endpoint?.OnPhoneRtp(rtpPacket);
        }
    }

    public void Dispose() => _queueSubscription.Dispose();

    /// <summary>The queue ended a trunk call (the agent hung up, or shutdown): the phone gets its BYE.</summary>
    private Task OnQueueChangedAsync()
    {
        foreach (var leg in _legs.Values)
        {
            if (leg.FromTrunk && leg.Call is { State: SipCallState.Established } call
                && _callCenter.GetCall(leg.SessionId) is null or { State: CallState.Ended })
            {
                _ = call.HangUpAsync();
            }
        }

        return Task.CompletedTask;
    }

    private void Cleanup(SipCall call, PhoneLeg leg, SipCallEndReason reason)
    {
        if (!_legs.TryRemove(new KeyValuePair<string, PhoneLeg>(call.LegId, leg)) && leg.Call is not null)
        {
            return; // cleaned up already
        }

        leg.Endpoint?.Leave("phone hung up");
        SipHostLog.Ended(_logger, call.CallId, reason, leg.ParticipantId, leg.SessionId);
        _ = RemoveMemberAsync(call.CallId, leg);
    }

    /// <summary>
    /// The member leaves its session (its subscriptions and the entries naming it go; the session and the
    /// records stay). A queued trunk call then ends in the queue as a web caller's does, so no agent waits on it.
    /// </summary>
    private async Task RemoveMemberAsync(string callId, PhoneLeg leg)
    {
        try
        {
            await using (var scope = _scopes.CreateAsyncScope())
            {
                var sessions = scope.ServiceProvider.GetRequiredService<SessionService>();
                var removed = await sessions.RemoveMemberAsync(leg.AccountId, leg.SessionId, leg.ParticipantId, CancellationToken.None);
                if (!removed.IsSuccess && removed.Error.Kind != CallErrorKind.NotFound)
                {
                    SipHostLog.CleanupFailed(_logger, callId, removed.Error.Message);
                }
            }

            if (leg.FromTrunk)
            {
                await _callCenter.CallerHangUpAsync(leg.SessionId, CancellationToken.None);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            SipHostLog.CleanupThrew(_logger, ex, callId);
        }
    }
}
