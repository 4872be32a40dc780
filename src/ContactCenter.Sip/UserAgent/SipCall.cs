using ContactCenter.Sip.Media;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Sdp;
using ContactCenter.Sip.Transactions;
using ContactCenter.Sip.Transport;

namespace ContactCenter.Sip.UserAgent;

/// <summary>
/// One accepted phone call: the SIP dialog (RFC 3261 §12) and its media. The host reaches the media
/// through <see cref="Leg"/> (phone → SFU via <see cref="IPhoneMediaSink"/>, counters, DTMF) and
/// <see cref="Bridge"/> (SFU → phone: <see cref="PhoneBridge.SetStreams"/> and <see cref="PhoneBridge.PushOpus"/>).
/// </summary>
public sealed class SipCall
{
    private readonly SipUserAgent _owner;
    private int _state;

    internal SipCall(SipUserAgent owner, string legId, SipInviteContext invite, SipInviteDecision decision, string localTag,
        string remoteTag, ISipFlow flow, RtpLeg leg, PhoneBridge bridge)
    {
        _owner = owner;
        LegId = legId;
        Invite = invite;
        Decision = decision;
        LocalTag = localTag;
        RemoteTag = remoteTag;
        Flow = flow;
        Leg = leg;
        Bridge = bridge;
    }

    /// <summary>Our identifier of the media leg (also the key given to <see cref="IPhoneMediaSink"/>).</summary>
    public string LegId { get; }
    public string CallId => Invite.CallId;
    public string LocalTag { get; }
    public string RemoteTag { get; }
    public SipInviteContext Invite { get; }
    public SipInviteDecision Decision { get; }
    public string? ParticipantId => Decision.ParticipantId;
    public RtpLeg Leg { get; }
    public PhoneBridge Bridge { get; }
    public SipCallState State => (SipCallState)Volatile.Read(ref _state);
    public bool OnHold { get; internal set; }
    public SipCallEndReason? EndReason { get; internal set; }

    /// <summary>Sends BYE and ends the leg (RFC 3261 §15.1.1). Completes when the BYE transaction ends.</summary>
    public Task HangUpAsync() => _owner.EndCallAsync(this, SipCallEndReason.LocalHangUp, sendBye: true);

    internal ISipFlow Flow { get; set; }
    internal InviteServerTransaction? InviteTransaction { get; set; }
    internal uint RemoteCSeq { get; set; }
    internal uint LocalCSeq { get; set; } = 1;
    internal ulong SdpSessionId { get; } = (ulong)Random.Shared.NextInt64(1, long.MaxValue);
    internal ulong SdpVersion { get; set; } = 1;
    internal string RemoteTarget { get; set; } = "";
    internal string LocalIdentity { get; set; } = "";
    internal string RemoteIdentity { get; set; } = "";
    internal MediaDirection AnsweredDirection { get; set; } = MediaDirection.SendRecv;

    /// <summary>The INVITE had no offer: our 200 OK offered, and the answer must come in the ACK.</summary>
    internal bool AwaitingAnswer { get; set; }

    internal bool TryTransition(SipCallState from, SipCallState to) =>
        Interlocked.CompareExchange(ref _state, (int)to, (int)from) == (int)from;

    /// <summary>Marks the call ended; false if it already was.</summary>
    internal bool TryEnd() => Interlocked.Exchange(ref _state, (int)SipCallState.Ended) != (int)SipCallState.Ended;

    internal static string DialogKey(string callId, string localTag) => callId + "|" + localTag;
}
